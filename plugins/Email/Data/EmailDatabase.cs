using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sahut.Data;

namespace Sahut.Plugins.Email.Data;

/// <summary>Creates <see cref="EmailDbContext"/>s on the host's database and migrates the plugin's tables at start-up.</summary>
internal sealed class EmailDatabase : IPluginDatabase
{
    private readonly DbContextOptions<EmailDbContext> options;

    public EmailDatabase(IDbContextConfigurer configurer)
    {
        var builder = new DbContextOptionsBuilder<EmailDbContext>();
        configurer.Configure(builder, EmailDbContext.MigrationsHistoryTable);
        // The migrations are hand-written and provider-neutral, so there is no model snapshot to compare with.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        options = builder.Options;
    }

    public string Name => "email";

    public EmailDbContext CreateContext() => new(options);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
    }
}

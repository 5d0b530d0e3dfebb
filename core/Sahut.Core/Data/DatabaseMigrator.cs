using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sahut.Data;

/// <summary>Applies the core's migrations, then every plugin database's, at start-up.</summary>
public sealed class DatabaseMigrator(
    SahutDbContext db,
    IEnumerable<IPluginDatabase> pluginDatabases,
    IOptions<SahutOptions> sahut,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            Directory.CreateDirectory(sahut.Value.ResolveDataDir());
        }

        await db.Database.MigrateIfPendingAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the inbox read while the ingest writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var pluginDatabase in pluginDatabases)
        {
            logger.LogInformation("Migrating plugin database {Database}", pluginDatabase.Name);
            await pluginDatabase.MigrateAsync(cancellationToken);
        }
    }

    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return !pending.Any();
    }
}

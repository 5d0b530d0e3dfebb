using Microsoft.EntityFrameworkCore;

namespace Sahut.Data;

/// <summary>
/// Points a plugin's DbContext at the host's database with the plugin's own migrations-history table.
/// </summary>
public interface IDbContextConfigurer
{
    string Provider { get; }

    void Configure(DbContextOptionsBuilder builder, string migrationsHistoryTable, string? migrationsAssembly = null);
}

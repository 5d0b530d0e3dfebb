using Microsoft.EntityFrameworkCore;

namespace Sahut.Data;

/// <summary>Carries the SQLite migrations (Migrations/Sqlite).</summary>
public sealed class SqliteSahutDbContext(DbContextOptions<SqliteSahutDbContext> options) : SahutDbContext(options);

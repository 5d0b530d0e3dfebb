using Microsoft.EntityFrameworkCore;

namespace Sahut.Data;

/// <summary>Carries the PostgreSQL migrations (Migrations/Postgres).</summary>
public sealed class PostgresSahutDbContext(DbContextOptions<PostgresSahutDbContext> options) : SahutDbContext(options);

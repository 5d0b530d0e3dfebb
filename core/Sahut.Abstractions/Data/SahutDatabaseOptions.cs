namespace Sahut.Data;

/// <summary>The database the host runs on; plugins use it to configure their own DbContext.</summary>
public sealed class SahutDatabaseOptions
{
    public const string Section = "Sahut:Database";

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Connection string; for SQLite the default is a file in the data directory.</summary>
    public string? ConnectionString { get; set; }
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
}

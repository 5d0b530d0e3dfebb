namespace Sahut.Data;

/// <summary>
/// SQLite's process-wide settings. SQLite takes them only before its first connection opens; later calls are refused
/// and change nothing, so a second host in the same process keeps the first one's.
/// </summary>
internal static class SqliteProcessSettings
{
    public static void Apply()
    {
        SQLitePCL.Batteries_V2.Init();
        // Memory statistics take a global mutex on every allocation and Sahut never reads them (bench/ ingest, perf: the
        // inbound writer's time in mutex calls fell from 7 % to 4 % of its samples; the rest is each connection's own).
        SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}

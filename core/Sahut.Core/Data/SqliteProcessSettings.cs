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
        // Memory statistics take a global mutex on every allocation and Sahut never reads them: without them the inbound
        // writer's SQLite calls lost their mutex hot spot (bench/ ingest, perf: 7 % → 4 % of the writer's samples).
        SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}

using Sahut.Bench;
using Sahut.Bench.Scenarios;

// dotnet run -c Release --project bench/Sahut.Bench -- <scenario> [options]; see README "Benchmarks".
if (args is ["bare-server", var port, var secret])
{
    await BareWebhookServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), secret);
    return 0;
}

var options = BenchOptions.Parse(args);
var scenarios = new Dictionary<string, Func<BenchOptions, Report, Task>>
{
    ["startup"] = StartupScenario.RunAsync,
    ["inbox"] = InboxScenario.RunAsync,
    ["ingest"] = IngestScenario.RunAsync,
    ["export"] = ExportScenario.RunAsync,
    ["fanout"] = FanoutScenario.RunAsync,
};
if (options.Scenario != "all" && !scenarios.ContainsKey(options.Scenario))
{
    Console.WriteLine($"usage: <{string.Join("|", scenarios.Keys)}|all> [--pg | --postgres CONNSTR] [--seconds N] [--concurrency N] [--conversations N] [--messages-per-conversation N] [--clients N] [--rate N] [--published] [--rounds N] [--versus OTHER/Sahut.Web.dll] [--scattered]");
    return 2;
}

await SahutProcess.BuildAsync();
var report = new Report();
foreach (var (name, run) in scenarios.Where(s => options.Scenario == "all" || s.Key == options.Scenario))
{
    try
    {
        await run(options, report);
    }
    catch (Exception ex)
    {
        report.Error($"{name} failed: {ex.Message}");
    }
}

SahutProcess.DeleteDataDirs();
await SahutProcess.DropDatabasesAsync(options.Postgres);
Console.WriteLine(report.Errors == 0 ? "\nbench finished without errors" : $"\nbench finished with {report.Errors} error(s)");
return report.Errors == 0 ? 0 : 1;

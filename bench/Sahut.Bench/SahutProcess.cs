using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Sahut.Bench;

/// <summary>Sahut itself, built in Release and run as a separate process on loopback with its own data directory.</summary>
public sealed class SahutProcess : IAsyncDisposable
{
    private readonly Process process;

    private SahutProcess(Process process, Uri baseAddress, string dataDir)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataDir = dataDir;
    }

    public Uri BaseAddress { get; }

    public string DataDir { get; }

    public int ProcessId => process.Id;

    /// <summary>CPU time the server process has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string WebDll => Path.Combine(RepoRoot, "ui", "Sahut.Web", "bin", "Release", "net10.0", "Sahut.Web.dll");

    /// <summary>This run's data directories (a seeded inbox is hundreds of MB) share a prefix, so the run can remove them.</summary>
    private static string DataDirPrefix => $"sahut-bench-{System.Environment.ProcessId}-";

    public static void DeleteDataDirs()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), DataDirPrefix + "*"))
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"could not remove {dir}: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// Drops this run's PostgreSQL databases (named after its data directories): left behind, they piled up (573 MB
    /// of them on the development machine) and their background vacuuming could run into the next run.
    /// </summary>
    public static async Task DropDatabasesAsync(string? postgres)
    {
        if (postgres is null)
        {
            return;
        }

        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(postgres);
            await connection.OpenAsync();
            foreach (var name in await ThisRunsDatabasesAsync(connection))
            {
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // Clean-up, like the data directories: a database left behind is not a bench error.
            Console.Error.WriteLine($"could not drop this run's PostgreSQL databases: {ex.Message}");
        }
    }

    private static async Task<List<string>> ThisRunsDatabasesAsync(Npgsql.NpgsqlConnection connection)
    {
        await using var find = new Npgsql.NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix)", connection);
        find.Parameters.AddWithValue("prefix", DatabaseName(DataDirPrefix));
        var names = new List<string>();
        await using var reader = await find.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public static async Task BuildAsync()
    {
        Console.WriteLine("building Sahut (Release)…");
        await RunAsync("dotnet", ["build", Path.Combine(RepoRoot, "ui", "Sahut.Web"), "-c", "Release", "-v", "q", "-nologo"], null, null);
    }

    /// <summary>Runs <c>setup</c> against a fresh data directory (migrating it) and returns its JSON.</summary>
    public static async Task<(string DataDir, Guid WorkspaceId, Guid UserId, string Token)> SetupAsync(string? postgres, string? webDll = null)
    {
        var dataDir = Directory.CreateTempSubdirectory(DataDirPrefix).FullName;
        var output = await RunAsync("dotnet", [webDll ?? WebDll, "setup", "--workspace", "Bench", "--email", "bench@example.com", "--password", "Bench-pass-1"], Environment(dataDir, postgres), null);
        var json = JsonDocument.Parse(output).RootElement;
        return (dataDir, json.GetProperty("workspaceId").GetGuid(), json.GetProperty("userId").GetGuid(), json.GetProperty("apiToken").GetString()!);
    }

    /// <summary>The layout Sahut ships in (build/publish.sh: ReadyToRun host and plugins) in a folder of this run.</summary>
    public static async Task<string> PublishAsync()
    {
        var folder = Directory.CreateTempSubdirectory(DataDirPrefix + "published-").FullName;
        Console.WriteLine("publishing Sahut (build/publish.sh)…");
        await RunAsync("bash", [Path.Combine(RepoRoot, "build", "publish.sh"), folder, "-v", "q", "-nologo"], null, null);
        return Path.Combine(folder, "Sahut.Web.dll");
    }

    public static async Task<(SahutProcess Process, TimeSpan StartedIn)> StartAsync(string dataDir, string? postgres, string? webDll = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [webDll ?? WebDll, "--urls", $"http://127.0.0.1:{port}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in Environment(dataDir, postgres).Concat(ServerOnlyEnvironment()))
        {
            start.Environment[key] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine("  sahut: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sahut = new SahutProcess(process, new Uri($"http://127.0.0.1:{port}/"), dataDir);
        using var http = new HttpClient { BaseAddress = sahut.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                var ready = await http.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return (sahut, stopwatch.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"Sahut exited with {process.ExitCode} before it was ready.");
            }

            await Task.Delay(20);
        }

        await sahut.DisposeAsync();
        throw new TimeoutException("Sahut was not ready within 60 s.");
    }

    /// <summary>
    /// Waits until the server is idle (under a tenth of a core over half a second, at most a minute): the background
    /// work a load leaves behind (e.g. indexing new contacts for search) would otherwise run into what comes next.
    /// </summary>
    public async Task<TimeSpan> SettleAsync()
    {
        var interval = TimeSpan.FromMilliseconds(500);
        var stopwatch = Stopwatch.StartNew();
        var before = CpuTime;
        while (stopwatch.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(interval);
            var now = CpuTime;
            if (now - before < interval / 10)
            {
                break;
            }

            before = now;
        }

        return stopwatch.Elapsed;
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Bytes the Sahut process has written towards storage so far (Linux /proc write_bytes: file pages it made dirty).</summary>
    public long StorageBytesWritten() => ProcFigure("io", "write_bytes:");

    /// <summary>Resident memory of the Sahut process in bytes (Linux /proc, given in kB).</summary>
    public long ResidentBytes() => ProcFigure("status", "VmRSS:") * 1024;

    // The number on the "key: number [unit]" line of one of the process's /proc files; 0 when the line is missing.
    private long ProcFigure(string file, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/{file}"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<string> RunAsync(string file, string[] args, IEnumerable<(string, string)>? env, string? workingDir)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDir ?? RepoRoot };
        foreach (var (key, value) in env ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }

        return await stdout;
    }

    /// <summary>
    /// <c>SAHUT_BENCH_SERVER_X=v</c> reaches only the server as <c>X=v</c> — for profiling it alone, e.g.
    /// <c>SAHUT_BENCH_SERVER_DOTNET_PerfMapEnabled=1</c>, without affecting the load generator or the bare server.
    /// </summary>
    private static IEnumerable<(string, string)> ServerOnlyEnvironment()
    {
        const string Prefix = "SAHUT_BENCH_SERVER_";
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith(Prefix, StringComparison.Ordinal) && entry.Value is string value)
            {
                yield return (key[Prefix.Length..], value);
            }
        }
    }

    private static IEnumerable<(string, string)> Environment(string dataDir, string? postgres)
    {
        yield return ("Sahut__DataDir", dataDir);
        yield return ("Logging__LogLevel__Default", "Warning");
        yield return ("ASPNETCORE_ENVIRONMENT", "Production");
        if (postgres is not null)
        {
            var database = DatabaseName(Path.GetFileName(dataDir));
            yield return ("Sahut__Database__Provider", "Postgres");
            yield return ("Sahut__Database__ConnectionString", new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 200 }.ConnectionString);
        }
    }

    /// <summary>The PostgreSQL database a data directory's Sahut uses.</summary>
    public static string DatabaseName(string dataDirName) => "sahut_bench_" + dataDirName.Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sahut.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from inside the Sahut repository.");
    }
}

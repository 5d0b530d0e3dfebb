using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Data;
using Sahut.Plugins.Reports.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sahut.Plugins.Reports.Tests.Exports;

/// <summary>100 000 conversations stream out with live managed memory that does not grow with the row count.</summary>
[Collection(nameof(LargeExportTests))]
public sealed class LargeExportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Conversations = 100_000;
    private readonly ReportsApp app = new();
    private ReportsWorld world = null!;

    public async Task InitializeAsync() => world = await ReportsWorld.CreateAsync(app);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Hundred_thousand_conversations_stream_with_bounded_memory()
    {
        await SeedAsync();
        var client = app.ClientWithToken(world.Token);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, LiveBytes());
                await Task.Delay(50);
            }
        });

        using var response = await client.GetAsync(world.Api + "/exports/conversations.csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        await sampling.CancelAsync();
        await sampler;
        peak = Math.Max(peak, LiveBytes());
        var growth = peak - baseline;
        output.WriteLine($"rows={lines - 1} csvBytes={bytes:N0} baseline={baseline:N0} peak={peak:N0} growth={growth:N0} bytes ({growth / 1048576.0:F1} MiB)");

        Assert.Equal(Conversations + 1, lines);
        // Buffering the export would hold at least the whole CSV (as UTF-8 bytes, or twice that as text) on top of the rows
        // it was made from; streaming holds a few pages of it.
        Assert.True(growth < bytes / 2, $"peak live managed memory grew by {growth:N0} bytes for a {bytes:N0}-byte export");
    }

    // What is still referenced, not what has been allocated: how much garbage piles up between collections depends on
    // the machine (the first generation's budget follows the processor's cache size).
    private static long LiveBytes()
    {
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // One contact per conversation, ids built from the row number (valid upper-case GUID text, as EF stores them).
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO Contacts (Id, WorkspaceId, Name, CreatedAt)
            SELECT printf('00000000-0000-0000-0001-%012d', i), $ws, 'Pelanggan ' || i || ', Jakarta', '2026-11-01 03:00:00' FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO ContactIdentities (Id, WorkspaceId, ContactId, Kind, Value)
            SELECT printf('00000000-0000-0000-0002-%012d', i), $ws, printf('00000000-0000-0000-0001-%012d', i), 'phone', printf('+62812%08d', i) FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO Conversations (Id, WorkspaceId, ChannelId, ContactId, Status, AssigneeId, CreatedAt, LastMessageAt, FirstResponseAt, ResolvedAt, MessagesIn, MessagesOut, NotesCount)
            SELECT printf('00000000-0000-0000-0003-%012d', i), $ws, $channel, printf('00000000-0000-0000-0001-%012d', i), 'Resolved', $agent,
                   strftime('%Y-%m-%d %H:%M:%S', '2026-11-01 03:00:00', '+' || (i % 43200) || ' minutes'),
                   strftime('%Y-%m-%d %H:%M:%S', '2026-11-01 05:00:00', '+' || (i % 43200) || ' minutes'),
                   strftime('%Y-%m-%d %H:%M:%S', '2026-11-01 03:10:00', '+' || (i % 43200) || ' minutes'),
                   strftime('%Y-%m-%d %H:%M:%S', '2026-11-01 05:00:00', '+' || (i % 43200) || ' minutes'),
                   3, 2, 1
            FROM n;
            """;
        command.Parameters.AddWithValue("$count", Conversations);
        command.Parameters.AddWithValue("$ws", world.WorkspaceId.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$channel", world.WhatsAppChannel.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$agent", world.AgentId.ToString().ToUpperInvariant());
        command.Transaction = (SqliteTransaction)transaction;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}

/// <summary>
/// Alone: the test collects garbage while it samples, which would slow the other tests' servers in this process (and
/// their allocations would count as its own).
/// </summary>
[CollectionDefinition(nameof(LargeExportTests), DisableParallelization = true)]
public sealed class LargeExportTestsRunAlone;

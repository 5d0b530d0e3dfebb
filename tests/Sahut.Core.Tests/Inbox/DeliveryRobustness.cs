using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Inbox;
using Sahut.Outbox;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Inbox;

/// <summary>Nothing is lost or sent twice when providers or Sahut itself fail.</summary>
public sealed class DeliveryRobustness
{
    [Fact]
    public async Task Media_download_is_retried_after_a_failure_and_then_stored_under_the_data_directory()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (_, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        h.Channel.Media["media-1"] = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        h.Channel.DownloadFailures.Enqueue(new HttpRequestException("provider 500"));

        await sink.AcceptAsync(channel, [new InboundMessage("in-img", "081234567890", "Budi", h.Time.GetUtcNow().UtcDateTime, MessageKinds.Image, "foto paket", [new InboundAttachment("photo.jpg", "image/jpeg", "media-1", null)])], CancellationToken.None);

        await CoreHarness.EventuallyAsync(async () => await h.DbAsync(db => db.Attachments.AnyAsync(a => a.DownloadAttempts == 1 && a.DownloadError != null)), "first download failed and was recorded");
        Assert.Null(await h.DbAsync(db => db.Attachments.Select(a => a.StoragePath).SingleAsync()));
        h.Time.Advance(TimeSpan.FromSeconds(11));
        var downloader = (Sahut.Media.MediaDownloader)h.Services.GetService(typeof(Sahut.Media.MediaDownloader))!;
        await CoreHarness.EventuallyAsync(async () => await downloader.ProcessDueAsync(CancellationToken.None) >= 0 && await h.DbAsync(db => db.Attachments.AnyAsync(a => a.StoragePath != null)), "downloaded on retry");

        var attachment = await h.DbAsync(db => db.Attachments.SingleAsync());
        var dataDir = h.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<SahutOptions>)) is Microsoft.Extensions.Options.IOptions<SahutOptions> o ? o.Value.ResolveDataDir() : "";
        Assert.Equal(h.Channel.Media["media-1"], await File.ReadAllBytesAsync(AttachmentFiles.FullPath(dataDir, attachment.StoragePath!)));
        Assert.Equal(7, attachment.Size);
        Assert.Null(attachment.DownloadError);
    }

    [Fact]
    public async Task A_delivery_that_fails_leaves_the_writer_storing_the_next_ones()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (_, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;

        await sink.AcceptAsync(channel, [new InboundMessage("in-1", "081234567890", "Budi", at, MessageKinds.Text, "satu", [])], CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.AcceptAsync(Guid.NewGuid(), [new InboundMessage("in-x", "081234567890", "Budi", at, MessageKinds.Text, "hilang", [])], CancellationToken.None));
        await sink.AcceptAsync(channel, [new InboundMessage("in-2", "081234567890", "Budi", at.AddSeconds(1), MessageKinds.Text, "dua", [])], CancellationToken.None);

        var conversation = await h.DbAsync(db => db.Conversations.SingleAsync());
        Assert.Equal(2, conversation.MessagesIn);
        Assert.Equal("dua", conversation.LastMessagePreview);
        Assert.Equal(["in-1", "in-2"], await h.DbAsync(db => db.Messages.OrderBy(m => m.CreatedAt).Select(m => m.ProviderMessageId!).ToListAsync()));
    }

    [Fact]
    public async Task Rows_the_inbound_writer_binds_itself_compare_and_store_like_the_rows_EF_writes()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = new DateTime(2026, 11, 24, 9, 30, 15, DateTimeKind.Utc).AddTicks(1_234_567);

        await sink.AcceptAsync(channel, [new InboundMessage("in-f", "081234567890", "Budi", at, MessageKinds.Text, "halo", [])], CancellationToken.None);

        // Equality through EF's own parameters: any difference in how a Guid or a DateTime is written would miss.
        var inbound = await h.DbAsync(db => db.Messages.SingleAsync(m => m.CreatedAt == at && m.ChannelId == channel && m.WorkspaceId == ws));
        var conversation = await h.DbAsync(db => db.Conversations.SingleAsync(c => c.Id == inbound.ConversationId && c.LastMessageAt == at && c.LastInboundAt == at && c.Status == ConversationStatus.Open));
        Assert.Equal(1, conversation.MessagesIn);
        Assert.Equal(at, inbound.CreatedAt);
        Assert.Equal(DeliveryStatus.Delivered, inbound.DeliveryStatus);

        // The same storage class, column by column, as a message EF wrote (an agent's reply).
        var reply = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversation.Id, null, new ReplyContent("balas", null), CancellationToken.None));
        var inboundTypes = await StorageClassesAsync(h, inbound.Id);
        var replyTypes = await StorageClassesAsync(h, reply.Id);
        foreach (var (column, type) in inboundTypes)
        {
            if (type != "null" && replyTypes[column] != "null")
            {
                Assert.True(type == replyTypes[column], $"{column}: the writer stored {type}, EF stores {replyTypes[column]}");
            }
        }
    }

    private static Task<Dictionary<string, string>> StorageClassesAsync(CoreHarness h, Guid messageId) => h.DbAsync(async db =>
    {
        var columns = db.Model.FindEntityType(typeof(Message))!.GetProperties().Select(p => p.GetColumnName()).ToList();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"typeof(\"{c}\")"))} FROM \"Messages\" WHERE \"Id\" = '{messageId.ToString().ToUpperInvariant()}'";
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return columns.Select((c, i) => (c, reader.GetString(i))).ToDictionary(x => x.c, x => x.Item2);
    });

    [Fact]
    public async Task An_item_interrupted_mid_send_is_marked_uncertain_and_never_resent_while_pending_items_are_sent_once()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        await sink.AcceptAsync(channel, [new InboundMessage("in-1", "081234567890", "Budi", h.Time.GetUtcNow().UtcDateTime, MessageKinds.Text, "halo", [])], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        var reply = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent("satu", null), CancellationToken.None));
        await CoreHarness.EventuallyAsync(() => Task.FromResult(h.Channel.Sent.Count == 1), "sent");

        // Simulate a node that died in the middle of a provider call: a second reply whose item was left "sending".
        var now = h.Time.GetUtcNow().UtcDateTime;
        var interrupted = new Message { WorkspaceId = ws, ConversationId = conversationId, ChannelId = channel, Direction = MessageDirection.Out, Kind = MessageKinds.Text, Body = "dua", CreatedAt = now };
        await h.DbAsync(async db =>
        {
            db.Messages.Add(interrupted);
            db.Outbox.Add(new OutboxItem { WorkspaceId = ws, MessageId = interrupted.Id, ChannelId = channel, State = OutboxState.Sending, Attempts = 1, LockedUntil = now.AddMinutes(2), NextAttemptAt = now, CreatedAt = now });
            return await db.SaveChangesAsync();
        });

        h.Time.Advance(TimeSpan.FromMinutes(3));
        var dispatcher = (OutboxDispatcher)h.Services.GetService(typeof(OutboxDispatcher))!;
        await dispatcher.ProcessDueAsync(CancellationToken.None);

        var message = await h.DbAsync(db => db.Messages.SingleAsync(m => m.Id == interrupted.Id));
        Assert.Equal(DeliveryStatus.Failed, message.DeliveryStatus);
        Assert.Equal("delivery-uncertain", message.FailureCode);
        Assert.Equal(OutboxState.Failed, (await h.DbAsync(db => db.Outbox.SingleAsync(o => o.MessageId == interrupted.Id))).State);
        await Task.Delay(300);
        Assert.Equal(1, h.Channel.Sent.Count(s => s.Text == "satu"));
        Assert.DoesNotContain(h.Channel.Sent, s => s.Text == "dua");
        Assert.Equal(DeliveryStatus.Sent, (await h.DbAsync(db => db.Messages.SingleAsync(m => m.Id == reply.Id))).DeliveryStatus);
    }

    [Fact]
    public async Task A_status_that_arrives_before_our_send_returns_is_applied_once_the_provider_id_is_recorded()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        await sink.AcceptAsync(channel, [new InboundMessage("in-1", "081234567890", "Budi", h.Time.GetUtcNow().UtcDateTime, MessageKinds.Text, "halo", [])], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        h.Channel.SendGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var reply = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent("cepat", null), CancellationToken.None));
        await CoreHarness.EventuallyAsync(() => Task.FromResult(h.Channel.Sent.Count == 1), "the provider has the message");
        var early = await sink.AcceptAsync(channel, [new InboundStatus($"out-{reply.Id:N}", DeliveryStatus.Delivered, h.Time.GetUtcNow().UtcDateTime)], CancellationToken.None);
        Assert.Equal(0, early.Stored);
        h.Channel.SendGate.SetResult();

        await CoreHarness.EventuallyAsync(async () => await h.DbAsync(db => db.Messages.AnyAsync(m => m.Id == reply.Id && m.DeliveryStatus == DeliveryStatus.Delivered)), "the early status was applied");
    }

    [Fact]
    public async Task Threaded_channels_route_by_hint_quoted_message_and_thread_key_and_start_new_threads()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (_, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        InboundMessage Mail(string id, string thread, string? replyTo = null, Guid? hint = null) =>
            new(id, "0812-3456-7890", "Budi", at, MessageKinds.Email, id, [], replyTo, thread, "Pesanan", null, hint);

        await sink.AcceptAsync(channel, [Mail("<a@x>", "<a@x>")], CancellationToken.None);
        await sink.AcceptAsync(channel, [Mail("<b@x>", "<b@x>")], CancellationToken.None);
        var conversations = await h.DbAsync(db => db.Conversations.OrderBy(c => c.ThreadKey).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, conversations.Count);

        await sink.AcceptAsync(channel, [Mail("<c@x>", "<unknown-root@x>", replyTo: "<a@x>")], CancellationToken.None);
        await sink.AcceptAsync(channel, [Mail("<d@x>", "<b@x>")], CancellationToken.None);
        await sink.AcceptAsync(channel, [Mail("<e@x>", "<lost@x>", hint: conversations[0])], CancellationToken.None);

        var counts = await h.DbAsync(db => db.Messages.GroupBy(m => m.ConversationId).ToDictionaryAsync(g => g.Key, g => g.Count()));
        Assert.Equal(2, counts.Count);
        Assert.Equal(3, counts[conversations[0]]);
        Assert.Equal(2, counts[conversations[1]]);
    }
}

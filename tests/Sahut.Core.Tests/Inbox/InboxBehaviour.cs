using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Events;
using Sahut.Inbox;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Inbox;

/// <summary>The inbox core, run against each database provider by the subclasses below.</summary>
public abstract class InboxBehaviour
{
    protected abstract DatabaseKind Kind { get; }

    private static InboundMessage Text(string id, string from, string body, DateTime at, string? name = "Budi") =>
        new(id, from, name, at, MessageKinds.Text, body, []);

    [Fact]
    public async Task Inbound_message_creates_contact_with_e164_phone_conversation_and_message()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;

        var result = await sink.AcceptAsync(channel, [Text("wamid.1", "6281234567890", "Halo, pesanan saya belum sampai", h.Time.GetUtcNow().UtcDateTime)], CancellationToken.None);

        Assert.Equal(new InboundResult(1, 0), result);
        var page = await h.WithAsync<ConversationQueries, ConversationPage>(q => q.ListAsync(ws, null, new ConversationFilter(null, null, null, null), CancellationToken.None));
        var row = Assert.Single(page.Items);
        Assert.Equal("+6281234567890", row.ContactIdentifier);
        Assert.Equal("Budi", row.ContactName);
        Assert.Equal(ConversationStatus.Open, row.Status);
        Assert.Equal("Halo, pesanan saya belum sampai", row.LastMessagePreview);
        var timeline = await h.WithAsync<ConversationQueries, IReadOnlyList<TimelineItem>>(q => q.TimelineAsync(ws, row.Id, CancellationToken.None));
        Assert.Equal("in", Assert.Single(timeline).Direction);
    }

    [Fact]
    public async Task Repeated_deliveries_store_one_message_even_when_concurrent()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (_, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;

        // 40 requests, each carrying 5 messages out of 10 distinct ids, all at once.
        var requests = Enumerable.Range(0, 40).Select(i => sink.AcceptAsync(
            channel,
            Enumerable.Range(0, 5).Select(j => (InboundEvent)Text($"wamid.{(i + j) % 10}", "081234567890", $"m{(i + j) % 10}", at.AddSeconds((i + j) % 10))).ToList(),
            CancellationToken.None));
        var results = await Task.WhenAll(requests);

        Assert.Equal(10, results.Sum(r => r.Stored));
        Assert.Equal(190, results.Sum(r => r.Duplicates));
        Assert.Equal(10, await h.DbAsync(db => db.Messages.CountAsync(m => m.ChannelId == channel)));
        Assert.Equal(1, await h.DbAsync(db => db.Conversations.CountAsync()));
        Assert.Equal(1, await h.DbAsync(db => db.Contacts.CountAsync()));
        Assert.Equal(10, await h.DbAsync(db => db.Conversations.Select(c => c.MessagesIn).SingleAsync()));
    }

    [Fact]
    public async Task A_burst_from_many_senders_stores_every_row_with_its_own_values()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        // Microseconds: what PostgreSQL keeps of a timestamp.
        var at = new DateTime(2026, 11, 24, 9, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560);
        const int senders = 30;
        string From(int i) => $"08123400{i:D4}";
        InboundMessage First(int i) => i % 3 == 0
            ? new($"first-{i}", From(i), null, at.AddSeconds(i), MessageKinds.Image, null, [new InboundAttachment($"foto-{i}.jpg", "image/jpeg", $"media-{i}", null)], Metadata: $$"""{"n":{{i}}}""")
            : Text($"first-{i}", From(i), $"pertama {i}", at.AddSeconds(i), $"Pelanggan {i}");

        // All at once, so the writer commits several deliveries per batch.
        await Task.WhenAll(Enumerable.Range(0, senders).Select(i => sink.AcceptAsync(channel, [First(i)], CancellationToken.None)));
        var resolved = await h.DbAsync(db => db.Conversations.Where(c => c.Contact!.Name == "Pelanggan 1").Select(c => c.Id).SingleAsync());
        await h.WithAsync<ConversationCommands>(c => c.SetStatusAsync(ws, resolved, ConversationStatus.Resolved, CancellationToken.None));
        await Task.WhenAll(Enumerable.Range(0, senders).Select(i => sink.AcceptAsync(channel, [Text($"second-{i}", From(i), $"kedua {i}", at.AddMinutes(1).AddSeconds(i))], CancellationToken.None)));

        var conversations = await h.DbAsync(db => db.Conversations.Include(c => c.Contact).ThenInclude(c => c!.Identities).ToListAsync());
        Assert.Equal(senders, conversations.Count);
        foreach (var conversation in conversations)
        {
            var i = int.Parse(conversation.Contact!.Identities.Single().Value[^4..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(i % 3 == 0 ? "Budi" : $"Pelanggan {i}", conversation.Contact.Name);
            Assert.Equal(2, conversation.MessagesIn);
            Assert.Equal(ConversationStatus.Open, conversation.Status);
            Assert.Null(conversation.ResolvedAt);
            Assert.Equal(at.AddSeconds(i), conversation.CreatedAt);
            Assert.Equal(at.AddMinutes(1).AddSeconds(i), conversation.LastMessageAt);
            Assert.Equal(at.AddMinutes(1).AddSeconds(i), conversation.LastInboundAt);
            Assert.Equal($"kedua {i}", conversation.LastMessagePreview);

            var messages = await h.DbAsync(db => db.Messages.Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.CreatedAt).ToListAsync());
            Assert.Equal([$"first-{i}", $"second-{i}"], messages.Select(m => m.ProviderMessageId));
            Assert.All(messages, m => Assert.Equal((ws, channel, MessageDirection.In, DeliveryStatus.Delivered, (Guid?)null), (m.WorkspaceId, m.ChannelId, m.Direction, m.DeliveryStatus, m.AuthorId)));
            Assert.Equal(at.AddSeconds(i), messages[0].CreatedAt);
            Assert.Equal(i % 3 == 0 ? (MessageKinds.Image, null, $$"""{"n":{{i}}}""") : (MessageKinds.Text, $"pertama {i}", null), (messages[0].Kind, messages[0].Body, messages[0].Metadata));
            var attachments = await h.DbAsync(db => db.Attachments.Where(a => a.MessageId == messages[0].Id).Select(a => new { a.WorkspaceId, a.FileName, a.ContentType, a.ProviderMediaId }).ToListAsync());
            Assert.Equal(i % 3 == 0 ? [new { WorkspaceId = ws, FileName = $"foto-{i}.jpg", ContentType = "image/jpeg", ProviderMediaId = (string?)$"media-{i}" }] : [], attachments);
        }
    }

    [Fact]
    public async Task Customer_message_reopens_a_resolved_conversation_and_counts_as_reopened()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        await sink.AcceptAsync(channel, [Text("a", "081234567890", "first", at)], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        await h.WithAsync<ConversationCommands>(c => c.SetStatusAsync(ws, conversationId, ConversationStatus.Resolved, CancellationToken.None));

        await sink.AcceptAsync(channel, [Text("b", "+62 812-3456-7890", "again", at.AddHours(1))], CancellationToken.None);

        Assert.Equal(ConversationStatus.Open, await h.DbAsync(db => db.Conversations.Select(c => c.Status).SingleAsync()));
        await CoreHarness.EventuallyAsync(
            () => Task.FromResult(h.Events.Events.OfType<ConversationOpened>().Count() == 2),
            "one opened and one reopened event");
        Assert.Equal([false, true], h.Events.Events.OfType<ConversationOpened>().Select(e => e.Reopened).Order().ToArray());
    }

    [Fact]
    public async Task Delivery_status_only_moves_forward_and_failure_keeps_code_and_reason()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        await sink.AcceptAsync(channel, [Text("in-1", "081234567890", "halo", at)], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        var first = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent("Baik, kami cek", null), CancellationToken.None));
        var second = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent("Mohon ditunggu", null), CancellationToken.None));
        await CoreHarness.EventuallyAsync(async () => await h.DbAsync(db => db.Messages.CountAsync(m => m.DeliveryStatus == DeliveryStatus.Sent)) == 2, "both replies sent");

        string Pid(Message m) => $"out-{m.Id:N}";
        await sink.AcceptAsync(channel, [new InboundStatus(Pid(first), DeliveryStatus.Read, at), new InboundStatus(Pid(first), DeliveryStatus.Delivered, at)], CancellationToken.None);
        await sink.AcceptAsync(channel, [new InboundStatus(Pid(first), DeliveryStatus.Failed, at, "131047", "Re-engagement message")], CancellationToken.None);
        await sink.AcceptAsync(channel, [new InboundStatus(Pid(second), DeliveryStatus.Failed, at, "131026", "Message undeliverable")], CancellationToken.None);
        await sink.AcceptAsync(channel, [new InboundStatus(Pid(second), DeliveryStatus.Read, at)], CancellationToken.None);

        var statuses = await h.DbAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.Out).ToDictionaryAsync(m => m.Id));
        Assert.Equal(DeliveryStatus.Read, statuses[first.Id].DeliveryStatus);
        Assert.Null(statuses[first.Id].FailureCode);
        Assert.Equal(DeliveryStatus.Failed, statuses[second.Id].DeliveryStatus);
        Assert.Equal("131026", statuses[second.Id].FailureCode);
        Assert.Equal("Message undeliverable", statuses[second.Id].FailureReason);
    }

    [Fact]
    public async Task Reply_goes_through_the_outbox_to_the_channel_with_the_contact_phone()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, owner, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        await sink.AcceptAsync(channel, [Text("in-1", "081234567890", "halo", h.Time.GetUtcNow().UtcDateTime)], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());

        var message = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, owner, new ReplyContent("Terima kasih 🙏", null), CancellationToken.None));

        await CoreHarness.EventuallyAsync(() => Task.FromResult(!h.Channel.Sent.IsEmpty), "the channel received the reply");
        var sent = Assert.Single(h.Channel.Sent);
        Assert.Equal("+6281234567890", sent.To);
        Assert.Equal("Terima kasih 🙏", sent.Text);
        Assert.Equal("in-1", sent.ReplyToProviderMessageId);
        await CoreHarness.EventuallyAsync(
            async () => await h.DbAsync(db => db.Messages.AnyAsync(m => m.Id == message.Id && m.ProviderMessageId == $"out-{message.Id:N}" && m.DeliveryStatus == DeliveryStatus.Sent)),
            "the provider id is stored");
        var conversation = await h.DbAsync(db => db.Conversations.SingleAsync());
        Assert.Equal(1, conversation.MessagesOut);
        Assert.NotNull(conversation.FirstResponseAt);
    }

    [Fact]
    public async Task Retryable_failure_is_retried_later_and_permanent_failure_marks_the_message_failed()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        await sink.AcceptAsync(channel, [Text("in-1", "081234567890", "halo", h.Time.GetUtcNow().UtcDateTime)], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        h.Channel.Failures.Enqueue(new ChannelSendException("130429", "Rate limit hit", retryable: true));

        var retried = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent("satu", null), CancellationToken.None));
        await CoreHarness.EventuallyAsync(async () => await h.DbAsync(db => db.Outbox.AnyAsync(o => o.MessageId == retried.Id && o.Attempts == 1 && o.State == OutboxState.Pending)), "first attempt failed and is pending");
        Assert.Empty(h.Channel.Sent);
        h.Time.Advance(TimeSpan.FromSeconds(6));
        await CoreHarness.EventuallyAsync(async () => await h.DbAsync(db => db.Messages.AnyAsync(m => m.Id == retried.Id && m.DeliveryStatus == DeliveryStatus.Sent)), "sent on retry");
        Assert.Single(h.Channel.Sent);

        h.Channel.Failures.Enqueue(new ChannelSendException("131026", "Message undeliverable", retryable: false));
        var failed = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent("dua", null), CancellationToken.None));
        await CoreHarness.EventuallyAsync(async () => await h.DbAsync(db => db.Messages.AnyAsync(m => m.Id == failed.Id && m.DeliveryStatus == DeliveryStatus.Failed)), "marked failed");
        var item = await h.DbAsync(db => db.Outbox.SingleAsync(o => o.MessageId == failed.Id));
        Assert.Equal(OutboxState.Failed, item.State);
        Assert.Equal(1, item.Attempts);
        h.Time.Advance(TimeSpan.FromHours(1));
        await Task.Delay(300);
        Assert.Single(h.Channel.Sent);
    }

    [Fact]
    public async Task Free_form_reply_outside_the_reply_window_is_refused_but_a_template_is_accepted()
    {
        await using var h = await CoreHarness.StartAsync(Kind, replyWindow: TimeSpan.FromHours(24));
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        await sink.AcceptAsync(channel, [Text("in-1", "081234567890", "halo", h.Time.GetUtcNow().UtcDateTime)], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());

        h.Time.Advance(TimeSpan.FromHours(23));
        await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent("masih dalam jendela", null), CancellationToken.None));
        h.Time.Advance(TimeSpan.FromHours(2));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent("terlambat", null), CancellationToken.None)));
        Assert.Equal("reply-window", refused.Rule);

        var template = new OutboundTemplate("order_update", "id", [new OutboundTemplateParameter(null, "INV-001")]);
        var queued = await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, null, new ReplyContent(null, template), CancellationToken.None));
        Assert.Equal(MessageKinds.Template, queued.Kind);
        await CoreHarness.EventuallyAsync(() => Task.FromResult(h.Channel.Sent.Any(s => s.Template?.Name == "order_update")), "template handed to the channel");
        Assert.Equal("INV-001", h.Channel.Sent.Single(s => s.Template is not null).Template!.Parameters.Single().Value);
    }

    [Fact]
    public async Task Another_workspace_cannot_see_or_change_a_conversation()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync("A");
        var (other, otherOwner, _) = await h.SeedWorkspaceAsync("B");
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        await sink.AcceptAsync(channel, [Text("in-1", "081234567890", "rahasia", h.Time.GetUtcNow().UtcDateTime)], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());

        Assert.Empty((await h.WithAsync<ConversationQueries, ConversationPage>(q => q.ListAsync(other, null, new ConversationFilter(null, null, null, null), CancellationToken.None))).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<ConversationQueries, ConversationSummary>(q => q.GetAsync(other, conversationId, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<ConversationQueries, IReadOnlyList<TimelineItem>>(q => q.TimelineAsync(other, conversationId, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<ConversationCommands>(c => c.SetStatusAsync(other, conversationId, ConversationStatus.Resolved, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(other, conversationId, otherOwner, new ReplyContent("x", null), CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<ConversationCommands, Note>(c => c.AddNoteAsync(other, conversationId, otherOwner, "x", CancellationToken.None)));
        Assert.Equal(ConversationStatus.Open, await h.DbAsync(db => db.Conversations.Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await h.DbAsync(db => db.Messages.CountAsync(m => m.Direction == MessageDirection.Out)));
    }

    [Fact]
    public async Task Inbox_filters_by_assignee_status_channel_and_search()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, owner, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        await sink.AcceptAsync(channel, [Text("1", "081111111111", "a", at, "Siti Rahayu"), Text("2", "082222222222", "b", at.AddMinutes(1), "Agus"), Text("3", "083333333333", "c", at.AddMinutes(2), "Dewi")], CancellationToken.None);
        var ids = await h.DbAsync(db => db.Conversations.Include(c => c.Contact).ToDictionaryAsync(c => c.Contact!.Name!, c => c.Id));
        await h.WithAsync<ConversationCommands>(c => c.AssignAsync(ws, ids["Siti Rahayu"], owner, CancellationToken.None));
        await h.WithAsync<ConversationCommands>(c => c.SetStatusAsync(ws, ids["Agus"], ConversationStatus.Pending, CancellationToken.None));

        async Task<string[]> Names(ConversationFilter filter) =>
            (await h.WithAsync<ConversationQueries, ConversationPage>(q => q.ListAsync(ws, owner, filter, CancellationToken.None))).Items.Select(i => i.ContactName!).ToArray();

        Assert.Equal(["Dewi", "Agus", "Siti Rahayu"], await Names(new ConversationFilter(null, null, null, null)));
        Assert.Equal(["Siti Rahayu"], await Names(new ConversationFilter(null, "me", null, null)));
        Assert.Equal(["Dewi", "Agus"], await Names(new ConversationFilter(null, "unassigned", null, null)));
        Assert.Equal(["Siti Rahayu"], await Names(new ConversationFilter(null, owner.ToString(), null, null)));
        Assert.Equal(["Agus"], await Names(new ConversationFilter(ConversationStatus.Pending, null, null, null)));
        Assert.Equal(["Siti Rahayu"], await Names(new ConversationFilter(null, null, null, "rahayu")));
        Assert.Equal(["Agus"], await Names(new ConversationFilter(null, null, null, "0822-2222-2222")));
        Assert.Equal(["Dewi"], await Names(new ConversationFilter(null, null, null, "3333")));
        Assert.Empty(await Names(new ConversationFilter(null, null, Guid.NewGuid(), null)));
        Assert.Equal(3, (await Names(new ConversationFilter(null, null, channel, null))).Length);
    }

    [Fact]
    public async Task Every_page_of_the_list_of_all_statuses_follows_activity_order_across_statuses()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, owner, channel) = await h.SeedWorkspaceAsync();
        var start = h.Time.GetUtcNow().UtcDateTime;
        // The newest 40 are resolved, so pages 1 and 2 come from one status alone and page 3 from all three.
        const int count = 90;
        var statusOf = (int age) => age < 40 ? ConversationStatus.Resolved : (ConversationStatus)(age % 3);
        await h.DbAsync(db =>
        {
            for (var age = 0; age < count; age++)
            {
                var contact = new Contact { WorkspaceId = ws, Name = $"Pelanggan {age}", CreatedAt = start };
                db.Contacts.Add(contact);
                var at = start.AddMinutes(-age);
                db.Conversations.Add(new Conversation
                {
                    WorkspaceId = ws, ChannelId = channel, ContactId = contact.Id, Status = statusOf(age),
                    AssigneeId = age % 4 == 0 ? owner : null, CreatedAt = at, LastMessageAt = at,
                });
            }

            return db.SaveChangesAsync();
        });

        async Task<string[]> Everything(string? assignee)
        {
            var names = new List<string>();
            for (var page = 1; ; page++)
            {
                var result = await h.WithAsync<ConversationQueries, ConversationPage>(q => q.ListAsync(ws, owner, new ConversationFilter(null, assignee, null, null, page), CancellationToken.None));
                names.AddRange(result.Items.Select(i => i.ContactName!));
                if (!result.HasMore)
                {
                    return [.. names];
                }
            }
        }

        Assert.Equal(Enumerable.Range(0, count).Select(age => $"Pelanggan {age}"), await Everything(null));
        Assert.Equal(Enumerable.Range(0, count).Where(age => age % 4 != 0).Select(age => $"Pelanggan {age}"), await Everything("unassigned"));
        Assert.Equal(Enumerable.Range(0, count).Where(age => age % 4 == 0).Select(age => $"Pelanggan {age}"), await Everything("me"));
    }

    [Fact]
    public async Task Notes_join_the_timeline_in_order_and_are_never_sent()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, owner, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        await sink.AcceptAsync(channel, [Text("1", "081234567890", "halo", h.Time.GetUtcNow().UtcDateTime)], CancellationToken.None);
        var conversationId = await h.DbAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.WithAsync<ConversationCommands, Note>(c => c.AddNoteAsync(ws, conversationId, owner, "Pelanggan VIP, prioritaskan", CancellationToken.None));
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversationId, owner, new ReplyContent("Siap", null), CancellationToken.None));

        var timeline = await h.WithAsync<ConversationQueries, IReadOnlyList<TimelineItem>>(q => q.TimelineAsync(ws, conversationId, CancellationToken.None));
        Assert.Equal(["message:in", "note:", "message:out"], timeline.Select(t => $"{t.Type}:{t.Direction}").ToArray());
        await CoreHarness.EventuallyAsync(() => Task.FromResult(h.Channel.Sent.Count == 1), "only the reply is sent");
        await Task.Delay(200);
        Assert.DoesNotContain(h.Channel.Sent, s => s.Text!.Contains("VIP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Messages_api_starts_a_conversation_with_a_local_number()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, owner, channel) = await h.SeedWorkspaceAsync();

        var (conversation, _) = await h.WithAsync<ConversationCommands, (Conversation, Message)>(c => c.SendToAsync(ws, channel, "0812-9999-0000", owner, new ReplyContent("Promo", null), CancellationToken.None));
        var (again, _) = await h.WithAsync<ConversationCommands, (Conversation, Message)>(c => c.SendToAsync(ws, channel, "+6281299990000", owner, new ReplyContent("Lagi", null), CancellationToken.None));

        Assert.Equal(conversation.Id, again.Id);
        Assert.Equal("+6281299990000", await h.DbAsync(db => db.ContactIdentities.Select(i => i.Value).SingleAsync()));
        await CoreHarness.EventuallyAsync(() => Task.FromResult(h.Channel.Sent.Count == 2), "both sent");
        await Assert.ThrowsAsync<InputValidationException>(() => h.WithAsync<ConversationCommands, (Conversation, Message)>(c => c.SendToAsync(ws, channel, "bukan nomor", owner, new ReplyContent("x", null), CancellationToken.None)));
    }
}

public sealed class SqliteInboxBehaviour : InboxBehaviour
{
    protected override DatabaseKind Kind => DatabaseKind.Sqlite;
}

public sealed class PostgresInboxBehaviour : InboxBehaviour
{
    protected override DatabaseKind Kind => DatabaseKind.Postgres;
}

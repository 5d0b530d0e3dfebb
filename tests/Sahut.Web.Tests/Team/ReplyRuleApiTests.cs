using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sahut.Web.Tests.Team;

/// <summary>DESIGN §5 over the REST API: the reply lease and the assignee rule answer 409 and send nothing.</summary>
public sealed class ReplyRuleApiTests(TeamServer server) : IClassFixture<TeamServer>
{
    [Fact]
    public async Task A_reply_from_anyone_but_the_lease_holder_is_409_and_nothing_is_sent_until_the_holder_sends()
    {
        var conversation = await server.CustomerWritesAsync("081200000001", "Rina", "Paket saya belum sampai");
        using var sari = await server.LogInAsync(TeamServer.Sari);
        using var budi = await server.LogInAsync(TeamServer.Budi);
        using var token = server.TokenClient();
        var lease = $"/api/v1/workspaces/{server.WorkspaceId}/conversations/{conversation}/lease";
        var messages = $"/api/v1/workspaces/{server.WorkspaceId}/conversations/{conversation}/messages";

        var taken = await sari.Http.PostAsync(lease, null);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var held = await taken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(held.GetProperty("granted").GetBoolean());
        Assert.Equal("Sari", held.GetProperty("holderName").GetString());

        await AssertConflictAsync(await budi.Http.PostAsJsonAsync(messages, new { content = "Dari Budi" }), "reply-lease");
        await AssertConflictAsync(await token.PostAsJsonAsync(messages, new { content = "Dari integrasi" }), "reply-lease");
        await AssertConflictAsync(await budi.Http.PostAsync(lease, null), "reply-lease");
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PostAsync(lease, null)).StatusCode);

        // A note is never blocked.
        Assert.Equal(HttpStatusCode.Created, (await budi.Http.PostAsJsonAsync(messages, new { content = "Saya bantu cek resinya", @private = true })).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await sari.Http.PostAsJsonAsync(messages, new { content = "Dari Sari" })).StatusCode);
        var timeline = await token.GetFromJsonAsync<JsonElement>(messages);
        Assert.Equal(["Dari Sari"], timeline.EnumerateArray().Where(m => m.GetProperty("direction").GetString() == "out").Select(m => m.GetProperty("body").GetString()!).ToArray());

        // Sending released the lease: the next agent may reply.
        Assert.Equal(HttpStatusCode.NoContent, (await token.GetAsync(lease)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await budi.Http.PostAsJsonAsync(messages, new { content = "Dari Budi" })).StatusCode);
        await WaitUntilAsync(() => server.Channel.Sent.Count(s => s.Text is "Dari Sari" or "Dari Budi") == 2);
        Assert.DoesNotContain(server.Channel.Sent, s => s.Text == "Dari integrasi");
    }

    [Fact]
    public async Task The_lease_is_released_on_expiry()
    {
        var conversation = await server.CustomerWritesAsync("081200000002", "Dewi", "Bisa COD?");
        using var sari = await server.LogInAsync(TeamServer.Sari);
        using var budi = await server.LogInAsync(TeamServer.Budi);
        var lease = $"/api/v1/workspaces/{server.WorkspaceId}/conversations/{conversation}/lease";
        var messages = $"/api/v1/workspaces/{server.WorkspaceId}/conversations/{conversation}/messages";
        Assert.Equal(HttpStatusCode.OK, (await sari.Http.PostAsync(lease, null)).StatusCode);
        await AssertConflictAsync(await budi.Http.PostAsJsonAsync(messages, new { content = "Terlalu cepat" }), "reply-lease");

        // Sari stops typing (no renewal, no release): the lease lapses by itself.
        await WaitUntilAsync(async () => (await budi.Http.GetAsync(lease)).StatusCode == HttpStatusCode.NoContent, TeamServer.ReplyLease * 4);
        Assert.Equal(HttpStatusCode.Accepted, (await budi.Http.PostAsJsonAsync(messages, new { content = "Bisa kak" })).StatusCode);
    }

    [Fact]
    public async Task An_assigned_conversation_is_answered_by_its_assignee_only_until_an_admin_reassigns_it()
    {
        var conversation = await server.CustomerWritesAsync("081200000003", "Joko", "Ukuran L ada?");
        using var andi = await server.LogInAsync(TeamServer.Andi);
        using var sari = await server.LogInAsync(TeamServer.Sari);
        using var budi = await server.LogInAsync(TeamServer.Budi);
        using var token = server.TokenClient();
        var ws = server.WorkspaceId;
        var messages = $"/api/v1/workspaces/{ws}/conversations/{conversation}/messages";
        var assignment = $"/api/v1/workspaces/{ws}/conversations/{conversation}/assignment";

        Assert.Equal(HttpStatusCode.NoContent, (await sari.Http.PostAsJsonAsync(assignment, new { assigneeId = server.UserIds[TeamServer.Sari] })).StatusCode);
        await AssertConflictAsync(await budi.Http.PostAsJsonAsync(messages, new { content = "Dari Budi" }), "assigned-to-other");
        await AssertConflictAsync(await andi.Http.PostAsJsonAsync(messages, new { content = "Dari Andi" }), "assigned-to-other");
        await AssertConflictAsync(await token.PostAsJsonAsync(messages, new { content = "Dari integrasi" }), "assigned-to-other");
        Assert.Equal(HttpStatusCode.Created, (await budi.Http.PostAsJsonAsync(messages, new { content = "@sari pelanggan lama", @private = true })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await andi.Http.PostAsJsonAsync(assignment, new { assigneeId = server.UserIds[TeamServer.Budi] })).StatusCode);
        await AssertConflictAsync(await sari.Http.PostAsJsonAsync(messages, new { content = "Dari Sari" }), "assigned-to-other");
        Assert.Equal(HttpStatusCode.Accepted, (await budi.Http.PostAsJsonAsync(messages, new { content = "Ada kak" })).StatusCode);

        var outgoing = (await token.GetFromJsonAsync<JsonElement>(messages)).EnumerateArray()
            .Where(m => m.GetProperty("direction").GetString() == "out").Select(m => m.GetProperty("body").GetString()!).ToArray();
        Assert.Equal(["Ada kak"], outgoing);

        // Sari was mentioned in Budi's note: one unread notification pointing at the conversation.
        var notifications = await sari.Http.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/notifications?unread=true");
        Assert.Equal(1, notifications.GetProperty("unreadCount").GetInt32());
        Assert.EndsWith($"/inbox/{conversation}", notifications.GetProperty("items")[0].GetProperty("link").GetString(), StringComparison.Ordinal);
        var read = await (await sari.Http.PostAsJsonAsync($"/api/v1/workspaces/{ws}/notifications/read", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, read.GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Saved_replies_and_labels_with_the_label_filter()
    {
        var tagged = await server.CustomerWritesAsync("081200000004", "Wati", "Mau retur");
        await server.CustomerWritesAsync("081200000005", "Yanto", "Halo");
        using var andi = await server.LogInAsync(TeamServer.Andi);
        using var sari = await server.LogInAsync(TeamServer.Sari);
        var ws = $"/api/v1/workspaces/{server.WorkspaceId}";

        Assert.Equal(HttpStatusCode.Created, (await sari.Http.PostAsJsonAsync($"{ws}/canned-responses", new { shortcut = "/Ongkir", content = "Ongkir ke Jakarta Rp10.000" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sari.Http.PostAsJsonAsync($"{ws}/canned-responses", new { shortcut = "ongkir", content = "dobel" })).StatusCode);
        var found = await sari.Http.GetFromJsonAsync<JsonElement>($"{ws}/canned-responses?prefix=/ong");
        Assert.Equal("ongkir", Assert.Single(found.EnumerateArray().ToList()).GetProperty("shortcut").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await sari.Http.PostAsJsonAsync($"{ws}/labels", new { name = "retur" })).StatusCode);
        var label = await (await andi.Http.PostAsJsonAsync($"{ws}/labels", new { name = "retur", color = "#b42318" })).Content.ReadFromJsonAsync<JsonElement>();
        var labelId = label.GetProperty("id").GetGuid();
        var set = await sari.Http.PutAsJsonAsync($"{ws}/conversations/{tagged}/labels", new { labelIds = new[] { labelId } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var filtered = await sari.Http.GetFromJsonAsync<JsonElement>($"{ws}/conversations?labelId={labelId}");
        Assert.Equal([tagged], filtered.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToArray());
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response, string rule)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()), TimeSpan.FromSeconds(10));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(100);
        }
    }
}

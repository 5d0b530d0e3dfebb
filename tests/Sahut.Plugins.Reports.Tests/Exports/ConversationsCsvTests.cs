using System.Net;
using Sahut.Plugins.Reports.Tests.Infrastructure;

namespace Sahut.Plugins.Reports.Tests.Exports;

/// <summary>conversations.csv and contacts.csv as DESIGN §4 fixes them, through the real routes with the plugin loaded.</summary>
public sealed class ConversationsCsvTests : IAsyncLifetime
{
    private readonly ReportsApp app = new();
    private ReportsWorld world = null!;

    public async Task InitializeAsync() => world = await ReportsWorld.CreateAsync(app);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Conversations_csv_has_the_columns_in_order_a_bom_rfc4180_quoting_indonesian_text_and_local_times()
    {
        var id = await world.AddConversationAsync(
            "Budi, \"Pak\" Santoso\nGudang Cakung — Ibu Siti Ñoño ąę", "+6281234567890", null, ReportsWorld.Utc("2026-11-02T03:15:00Z"),
            assignee: world.AgentId, firstResponseAfter: TimeSpan.FromMinutes(12), resolvedAfter: TimeSpan.FromHours(5), messagesIn: 3, messagesOut: 2, notes: 1);

        var csv = await Csv.GetAsync(app.ClientWithToken(world.Token), world.Api + "/exports/conversations.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Bytes[..3]);
        Assert.Equal(
            ["conversation_id", "channel", "channel_type", "contact_name", "contact_identifier", "status", "assignee", "created_at", "first_response_at", "resolved_at", "messages_in", "messages_out", "notes", "last_message_at"],
            csv.Header);
        var row = Assert.Single(csv.Rows);
        Assert.Equal(id.ToString(), csv.Cell(row, "conversation_id"));
        Assert.Equal("Budi, \"Pak\" Santoso\nGudang Cakung — Ibu Siti Ñoño ąę", csv.Cell(row, "contact_name"));
        Assert.Equal("+6281234567890", csv.Cell(row, "contact_identifier"));
        Assert.Equal("CS Jakarta", csv.Cell(row, "channel"));
        Assert.Equal("whatsapp", csv.Cell(row, "channel_type"));
        Assert.Equal("resolved", csv.Cell(row, "status"));
        Assert.Equal(ReportsWorld.AgentEmail, csv.Cell(row, "assignee"));
        Assert.Equal("2026-11-02T10:15:00+07:00", csv.Cell(row, "created_at"));
        Assert.Equal("2026-11-02T10:27:00+07:00", csv.Cell(row, "first_response_at"));
        Assert.Equal("2026-11-02T15:15:00+07:00", csv.Cell(row, "resolved_at"));
        Assert.Equal(["3", "2", "1"], [csv.Cell(row, "messages_in"), csv.Cell(row, "messages_out"), csv.Cell(row, "notes")]);

        // The raw bytes: the name is quoted, its quotes doubled, the newline kept inside quotes; records end with CRLF.
        var text = System.Text.Encoding.UTF8.GetString(csv.Bytes, 3, csv.Bytes.Length - 3);
        Assert.Contains("\"Budi, \"\"Pak\"\" Santoso\nGudang Cakung — Ibu Siti Ñoño ąę\"", text, StringComparison.Ordinal);
        Assert.StartsWith("conversation_id,channel,channel_type,", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"klik\")")]
    [InlineData("+SUM(1,2)")]
    [InlineData("-2+3")]
    [InlineData("@cmd")]
    [InlineData("\tTab")]
    [InlineData("\rCR")]
    public async Task Cells_that_start_like_a_formula_are_neutralised(string name)
    {
        await world.AddConversationAsync(name, "+6281100000009", null, ReportsWorld.Utc("2026-11-03T01:00:00Z"));

        var csv = await Csv.GetAsync(app.ClientWithToken(world.Token), world.Api + "/exports/conversations.csv");

        var row = Assert.Single(csv.Rows);
        Assert.Equal("'" + name, csv.Cell(row, "contact_name"));
        Assert.Equal("+6281100000009", csv.Cell(row, "contact_identifier"));
    }

    [Fact]
    public async Task From_and_to_are_inclusive_days_in_the_workspace_time_zone_and_channel_and_agent_filter()
    {
        // 2026-11-01 00:30 WIB is 2026-10-31 17:30Z: inside from=2026-11-01. 2026-10-31 23:59 WIB (16:59Z) is outside.
        var firstMinute = await world.AddConversationAsync("Awal", "+6281100000001", null, ReportsWorld.Utc("2026-10-31T17:30:00Z"));
        await world.AddConversationAsync("Kemarin", "+6281100000002", null, ReportsWorld.Utc("2026-10-31T16:59:00Z"));
        // 2026-11-30 23:59 WIB (16:59Z) is inside to=2026-11-30; 2026-12-01 00:00 WIB (17:00Z) is not.
        var lastMinute = await world.AddConversationAsync("Akhir", "+6281100000003", null, ReportsWorld.Utc("2026-11-30T16:59:00Z"), assignee: world.AgentId);
        await world.AddConversationAsync("Besok", "+6281100000004", null, ReportsWorld.Utc("2026-11-30T17:00:00Z"));
        var email = await world.AddConversationAsync("Surel", null, "pelanggan@contoh.id", ReportsWorld.Utc("2026-11-15T05:00:00Z"), channel: world.EmailChannel, assignee: world.AgentId);
        var client = app.ClientWithToken(world.Token);
        var range = "?from=2026-11-01&to=2026-11-30";

        var all = await Csv.GetAsync(client, world.Api + "/exports/conversations.csv" + range);
        var byChannel = await Csv.GetAsync(client, world.Api + $"/exports/conversations.csv{range}&channelId={world.EmailChannel}");
        var byAgent = await Csv.GetAsync(client, world.Api + $"/exports/conversations.csv{range}&agentId={world.AgentId}");

        Assert.Equal([firstMinute, email, lastMinute], all.Rows.Select(r => Guid.Parse(r[0])));
        Assert.Equal("2026-11-01T00:30:00+07:00", all.Cell(all.Rows.First(), "created_at"));
        var emailRow = Assert.Single(byChannel.Rows);
        Assert.Equal("pelanggan@contoh.id", byChannel.Cell(emailRow, "contact_identifier"));
        Assert.Equal([email, lastMinute], byAgent.Rows.Select(r => Guid.Parse(r[0])));
    }

    [Fact]
    public async Task Contacts_csv_has_its_columns_and_counts_conversations()
    {
        await world.AddConversationAsync("Dewi Lestari", "+6285700000001", null, ReportsWorld.Utc("2026-11-04T02:00:00Z"));

        var csv = await Csv.GetAsync(app.ClientWithToken(world.Token), world.Api + "/exports/contacts.csv");

        Assert.Equal(["contact_id", "name", "phone", "email", "created_at", "conversations"], csv.Header);
        var row = csv.Row("name", "Dewi Lestari");
        Assert.Equal("+6285700000001", csv.Cell(row, "phone"));
        Assert.Equal("", csv.Cell(row, "email"));
        Assert.Equal("2026-11-04T09:00:00+07:00", csv.Cell(row, "created_at"));
        Assert.Equal("1", csv.Cell(row, "conversations"));
        Assert.DoesNotContain(csv.Rows, r => csv.Cell(r, "name") == "Rahasia Lain");
    }

    [Fact]
    public async Task Only_admins_export_their_own_workspace()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var agent = await SignIn.AsAsync(app, ReportsWorld.AgentEmail);
        var owner = await SignIn.AsAsync(app, ReportsWorld.OwnerEmail);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(world.Api + "/exports/conversations.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWithToken("sahut_wrong").GetAsync(world.Api + "/exports/contacts.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(world.Api + "/exports/conversations.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(world.Api + "/exports/contacts.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientWithToken(world.OtherToken).GetAsync(world.Api + "/exports/conversations.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/workspaces/{world.OtherWorkspaceId}/exports/conversations.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(world.Api + "/exports/conversations.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync(world.Api + "/exports/conversations.csv?from=kemarin")).StatusCode);

        foreach (var asset in new[] { "reports.js", "reports.css", "chart.umd.min.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/plugins/reports/assets/" + asset)).StatusCode);
        }

        // The pages follow the same rule.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/w/{world.WorkspaceId}/settings/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/w/{world.WorkspaceId}/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/w/{world.OtherWorkspaceId}/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/w/{world.WorkspaceId}/reports")).StatusCode);
    }
}

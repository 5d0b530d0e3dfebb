using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Web.Commands;
using Sahut.Web.Tests.Infrastructure;

namespace Sahut.Web.Tests.Api;

public sealed class CliCommandTests : IAsyncLifetime
{
    private readonly SahutWebFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Setup_prints_ids_and_a_working_token_then_refuses_a_second_setup()
    {
        var output = new StringWriter();
        var code = await CliCommands.RunAsync(factory.Services, ["setup", "--workspace", "Toko Maju", "--email", "owner@example.com", "--password", "Rahasia-123"], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        var workspaceId = json.GetProperty("workspaceId").GetGuid();
        Assert.NotEqual(Guid.Empty, json.GetProperty("userId").GetGuid());
        var response = await factory.ClientWithToken(json.GetProperty("apiToken").GetString()!).GetAsync($"/api/v1/workspaces/{workspaceId}/conversations");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var error = new StringWriter();
        Assert.Equal(1, await CliCommands.RunAsync(factory.Services, ["setup", "--workspace", "X", "--email", "x@example.com", "--password", "Rahasia-123"], TextWriter.Null, error, CancellationToken.None));
        Assert.Contains("already set up", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_add_creates_an_agent_in_the_workspace()
    {
        var setup = await factory.SetupAsync();
        var output = new StringWriter();

        var code = await CliCommands.RunAsync(factory.Services, ["member", "add", "--workspace", setup.WorkspaceId.ToString(), "--email", "agen@example.com", "--password", "Rahasia-456", "--role", "Agent"], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        var userId = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("userId").GetGuid();
        var membership = await factory.WithAsync<WorkspaceService, Membership?>(s => s.FindMembershipAsync(setup.WorkspaceId, userId, CancellationToken.None));
        Assert.Equal(WorkspaceRole.Agent, membership?.Role);
        Assert.Equal(1, await CliCommands.RunAsync(factory.Services, ["member", "add", "--workspace", setup.WorkspaceId.ToString(), "--email", "b@example.com", "--password", "Rahasia-456", "--role", "Boss"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }
}

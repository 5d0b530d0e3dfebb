using System.Net;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;

namespace Sahut.Plugins.WhatsApp.Tests.Sending;

public sealed class GraphErrorMapperTests
{
    [Theory]
    [InlineData("outbound/error-130429-throughput.json", HttpStatusCode.BadRequest, "130429", true, false)]
    [InlineData("outbound/error-131056-pair-rate.json", HttpStatusCode.BadRequest, "131056", true, false)]
    [InlineData("outbound/error-132000-param-count.400.json", HttpStatusCode.BadRequest, "132000", false, false)]
    [InlineData("outbound/error-132001-template-missing.400.json", HttpStatusCode.BadRequest, "132001", false, false)]
    [InlineData("outbound/error-190-token-expired.401.json", HttpStatusCode.Unauthorized, "190", false, true)]
    public void Fixture_errors_map_to_retry_advice(string fixture, HttpStatusCode status, string code, bool retryable, bool reconnect)
    {
        var error = GraphErrorMapper.Map(status, Fixture.Text(fixture), null);
        Assert.Equal(code, error.Code);
        Assert.Equal(retryable, error.Retryable);
        Assert.Equal(reconnect, error.ChannelNeedsReconnect);
    }

    [Fact]
    public void Pair_rate_limit_spaces_the_retry_for_that_recipient()
    {
        var error = GraphErrorMapper.Map(HttpStatusCode.BadRequest, Fixture.Text("outbound/error-131056-pair-rate.json"), null);
        Assert.True(error.RetryAfter >= TimeSpan.FromSeconds(6));
    }

    [Theory]
    [InlineData(131026, false)]
    [InlineData(131047, false)]
    [InlineData(131000, true)]
    public void Other_codes(int code, bool retryable)
    {
        var error = GraphErrorMapper.Map(HttpStatusCode.BadRequest, FakeGraphApi.ScriptedFailure.GraphError(code, "x").Body, null);
        Assert.Equal(retryable, error.Retryable);
        Assert.False(error.ChannelNeedsReconnect);
    }

    [Fact]
    public void Server_errors_without_a_code_are_retried_and_client_errors_are_not()
    {
        Assert.True(GraphErrorMapper.Map(HttpStatusCode.BadGateway, "<html>bad gateway</html>", null).Retryable);
        Assert.True(GraphErrorMapper.Map(HttpStatusCode.ServiceUnavailable, "", TimeSpan.FromSeconds(30)).RetryAfter == TimeSpan.FromSeconds(30));
        Assert.False(GraphErrorMapper.Map(HttpStatusCode.NotFound, "", null).Retryable);
    }

    [Fact]
    public void Window_closed_tells_the_agent_to_use_a_template()
    {
        var error = GraphErrorMapper.Map(HttpStatusCode.BadRequest, FakeGraphApi.ScriptedFailure.GraphError(131047, "Re-engagement message").Body, null);
        Assert.Equal("131047", error.Code);
        Assert.Contains("template", error.Reason, StringComparison.OrdinalIgnoreCase);
    }
}

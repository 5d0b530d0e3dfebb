using System.Text;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Tests.Webhooks;

public sealed class HubSignatureTests
{
    [Theory]
    [InlineData("01-inbound-text.json")]
    [InlineData("02-inbound-image.json")]
    [InlineData("03-inbound-interactive-button-reply.json")]
    [InlineData("04-status-delivered-pmp-utility-template.json")]
    [InlineData("04b-status-sent-free-service-reply.json")]
    public void Fixture_vectors_verify_over_the_raw_bytes(string fixture)
    {
        var body = Fixture.Bytes(fixture);
        Assert.True(HubSignature.IsValid(Fixture.Signature(fixture), Fixture.AppSecret, body));
        Assert.Equal(Fixture.Signature(fixture), HubSignature.Compute(Fixture.AppSecret, body));
    }

    [Fact]
    public void Sanity_vector_matches()
    {
        Assert.True(HubSignature.IsValid("sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914", "secret", "test"u8));
    }

    [Fact]
    public void Any_change_to_the_bytes_secret_or_header_fails()
    {
        var body = Fixture.Bytes("01-inbound-text.json");
        var signature = Fixture.Signature("01-inbound-text.json");
        var reserialised = Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(body)!.ToJsonString());

        Assert.False(HubSignature.IsValid(signature, Fixture.AppSecret, reserialised));
        Assert.False(HubSignature.IsValid(signature, "another_secret", body));
        Assert.False(HubSignature.IsValid(null, Fixture.AppSecret, body));
        Assert.False(HubSignature.IsValid("", Fixture.AppSecret, body));
        Assert.False(HubSignature.IsValid(signature["sha256=".Length..], Fixture.AppSecret, body));
        Assert.False(HubSignature.IsValid("sha256=zz" + signature[9..], Fixture.AppSecret, body));
        Assert.False(HubSignature.IsValid(signature[..^2], Fixture.AppSecret, body));
    }
}

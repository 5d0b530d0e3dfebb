using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.TestPlugins.Channel.Data;
using Sahut.Web;

namespace Sahut.TestPlugins.Channel;

/// <summary>
/// <c>POST /webhooks/testchat/{key}</c> with header <c>X-TestChat-Secret</c> and body
/// <c>{"messages":[{"id","from","name","text"}],"statuses":[{"id","status"}]}</c>; <c>GET /testchat/{key}/sent</c>
/// lists what the channel sent (as a provider's dashboard would).
/// </summary>
public sealed class TestChatWebhook(IChannelDirectory channels, IInboundSink sink, ILifetimeScope scope, TimeProvider time) : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/testchat/{key}", ReceiveAsync).DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapGet("/testchat/{key}/sent", SentAsync).ExcludeFromDescription();
    }

    private async Task<IResult> ReceiveAsync(string key, HttpRequest request, CancellationToken cancellationToken)
    {
        var channel = await channels.FindByWebhookKeyAsync(TestChatChannelType.TypeKey, key, cancellationToken);
        if (channel is null)
        {
            return Results.NotFound();
        }

        if (!SecretMatches(channel, request.Headers["X-TestChat-Secret"].ToString()))
        {
            return Results.Unauthorized();
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        List<InboundEvent> events;
        try
        {
            events = Parse(body);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed delivery", detail: ex.Message);
        }

        var result = await sink.AcceptAsync(channel.ChannelId, events, cancellationToken);
        await using var deliveryScope = scope.BeginLifetimeScope();
        var db = deliveryScope.Resolve<TestChatDb>();
        db.Deliveries.Add(new TestChatDelivery { ChannelId = channel.ChannelId, Body = body, ReceivedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(new { stored = result.Stored, duplicates = result.Duplicates });
    }

    private async Task<IResult> SentAsync(string key, HttpRequest request, CancellationToken cancellationToken)
    {
        var channel = await channels.FindByWebhookKeyAsync(TestChatChannelType.TypeKey, key, cancellationToken);
        if (channel is null || !SecretMatches(channel, request.Headers["X-TestChat-Secret"].ToString()))
        {
            return Results.NotFound();
        }

        await using var sentScope = scope.BeginLifetimeScope();
        var sends = await sentScope.Resolve<TestChatDb>().Sends.AsNoTracking()
            .Where(s => s.ChannelId == channel.ChannelId)
            .Select(s => new { s.To, s.Text, s.Template, s.ProviderMessageId })
            .ToListAsync(cancellationToken);
        return Results.Ok(sends);
    }

    private static bool SecretMatches(ChannelContext channel, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(channel.Settings["secret"]!.GetValue<string>()));

    private List<InboundEvent> Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var now = time.GetUtcNow().UtcDateTime;
        var events = new List<InboundEvent>();
        if (root.TryGetProperty("messages", out var messages))
        {
            foreach (var m in messages.EnumerateArray())
            {
                events.Add(new InboundMessage(
                    m.GetProperty("id").GetString()!,
                    m.GetProperty("from").GetString()!,
                    m.TryGetProperty("name", out var name) ? name.GetString() : null,
                    now,
                    MessageKinds.Text,
                    m.GetProperty("text").GetString(),
                    []));
            }
        }

        if (root.TryGetProperty("statuses", out var statuses))
        {
            foreach (var s in statuses.EnumerateArray())
            {
                events.Add(new InboundStatus(s.GetProperty("id").GetString()!, Enum.Parse<DeliveryStatus>(s.GetProperty("status").GetString()!, ignoreCase: true), now));
            }
        }

        return events.Count > 0 ? events : throw new InvalidOperationException("A delivery carries messages or statuses.");
    }
}

using Sahut.Events;

namespace Sahut.Web.Realtime;

internal static class RealtimeHosting
{
    /// <summary>SignalR, with Redis as the backplane when <c>Sahut:Redis</c> is set (several nodes).</summary>
    public static WebApplicationBuilder AddSahutRealtime(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        if (builder.Configuration["Sahut:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("sahut"));
        }

        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddSingleton<RealtimeBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RealtimeBatcher>());
        foreach (var eventType in typeof(DomainEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DomainEvent)) && !t.IsAbstract))
        {
            builder.Services.AddScoped(typeof(IDomainEventHandler<>).MakeGenericType(eventType), typeof(RealtimeBroadcaster<>).MakeGenericType(eventType));
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapSahutRealtime(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<InboxHub>(InboxHub.Path);
        return endpoints;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sahut.Accounts;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Events;
using Sahut.Exports;
using Sahut.Inbox;
using Sahut.Media;
using Sahut.Notifications;
using Sahut.Workspaces;
using Sahut.Ingest;
using Sahut.Outbox;
using Sahut.Phones;
using Sahut.Team;

namespace Sahut;

public static class SahutCoreServiceCollectionExtensions
{
    /// <summary>The core: database, identity stores, inbox services, ingest writer, outbox, domain events.</summary>
    public static IServiceCollection AddSahutCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SahutOptions>(configuration.GetSection(SahutOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSahutDatabase(configuration);
        services.AddDataProtection().SetApplicationName("Sahut").PersistKeysToDbContext<SahutDbContext>();

        services.AddSingleton<PhoneNumberNormalizer>();
        services.AddSingleton<ChannelSettingsProtector>();
        services.AddSingleton<ChannelTypeRegistry>();
        services.AddSingleton<WebhookChannelCache>();
        services.AddSingleton<IChannelDirectory, ChannelDirectory>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<WorkspaceService>();
        services.AddScoped<WorkspaceActivation>();
        services.AddScoped<IWorkspaceActivation>(sp => sp.GetRequiredService<WorkspaceActivation>());
        services.AddScoped<INotificationSender, WorkspaceNotificationSender>();
        services.AddScoped<SetupService>();
        services.AddScoped<ChannelService>();
        services.AddScoped<ContactService>();
        services.AddScoped<ContactSearch>();
        services.AddScoped<ConversationQueries>();
        services.AddScoped<ConversationCommands>();
        services.AddScoped<AttachmentQueries>();
        services.AddSahutExportDatasets();

        services.Configure<TeamOptions>(configuration.GetSection(TeamOptions.Section));
        services.AddScoped<IReplyLeaseStore, DatabaseReplyLeaseStore>();
        services.AddScoped<IReplyGuard, OneReplierGuard>();
        services.AddScoped<ReplyLeaseService>();
        services.AddScoped<MentionResolver>();
        services.AddScoped<CannedResponseService>();
        services.AddScoped<LabelService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<UnansweredCounts>();

        services.AddSingleton<DomainEventBus>();
        services.AddHostedService<DomainEventDispatcher>();
        services.AddSingleton<ContactSearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<ContactSearchIndexer>());
        services.AddScoped<IDomainEventHandler<ConversationOpened>, BillingMeteringHandler>();

        services.AddScoped<InboundStore>();
        services.AddSingleton<EarlyStatusBuffer>();
        services.AddSingleton<InboundWriter>();
        services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<InboundWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<InboundWriter>());

        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton<MediaSignal>();
        services.AddSingleton<MediaDownloader>();
        services.AddHostedService(sp => sp.GetRequiredService<MediaDownloader>());
        return services;
    }

}

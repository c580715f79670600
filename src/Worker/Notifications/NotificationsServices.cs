using Engine.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Worker.Channels;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Sla;
using Worker.Templates;

namespace Worker.Notifications;

public static class NotificationsServices
{
    /// <summary>
    /// The notifications feature on the engine's data source: <see cref="NotificationsDb"/>, inbox, templates, delivery log,
    /// channels (SMTP or log, HTTP SMS gateway or log), SLA sweep and digest, and the SignalR pusher. Both hosts register
    /// it (the API serves the inbox and the hub); <see cref="WorkerServices.AddWorkerServices"/> adds what runs in the background.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddDbContextPool<NotificationsDb>((sp, o) =>
            ((DbContextOptionsBuilder<NotificationsDb>)o).UseNotificationsNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddOutboxTypes(map =>
        {
            map.Map<CitizenNotice>(CitizenNotice.OutboxType).Map<NotificationCreated>(NotificationCreated.OutboxType)
                .Map<NotificationsCreated>(NotificationsCreated.OutboxType);
            foreach (var record in NotifyCitizen.Records) map.Map(record);
        });
        services.TryAddSingleton(TimeProvider.System);

        services.AddSignalR();
        services.TryAddSingleton<LiveNotifications>();
        services.TryAddSingleton<INotificationPusher, HubNotificationPusher>();
        services.TryAddScoped<InboxQueries>();
        services.TryAddScoped<MarkReadHandler>();

        services.TryAddScoped<TemplateRenderer>();
        services.TryAddScoped<SaveTemplateHandler>();
        services.TryAddScoped<DeleteTemplateHandler>();
        services.TryAddScoped<PreviewTemplateHandler>();
        services.TryAddScoped<ListTemplatesQuery>();

        services.TryAddScoped<SendOfficialMessageHandler>();
        services.TryAddScoped<OfficialMessagesQuery>();
        services.TryAddScoped<SaveCitizenPreferencesHandler>();
        services.TryAddScoped<QueueCitizenNotice>();
        services.TryAddScoped<DossierNotices>();

        services.TryAddSingleton(DeliverySettings.From(config));
        services.TryAddScoped<DeliveryLogQuery>();
        services.TryAddScoped<RetryDeliveryHandler>();
        services.TryAddScoped<ChannelSenders>();
        services.TryAddSingleton<DeliveryDispatcher>();
        services.AddChannels(config);

        services.TryAddSingleton(SlaSettings.From(config));
        services.TryAddSingleton<AlertWriter>();
        services.TryAddSingleton<ParkedSubjects>();
        services.TryAddScoped<SlaSweep>();
        services.TryAddScoped<DailyDigest>();
        services.TryAddScoped<SlaSweepJob>();
        return services;
    }

    private static void AddChannels(this IServiceCollection services, IConfiguration config)
    {
        var email = EmailSettings.From(config);
        services.TryAddSingleton(email);
        if (email.IsConfigured) services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        else services.TryAddSingleton<IEmailSender, LogEmailSender>();

        var sms = SmsSettings.From(config);
        services.TryAddSingleton(sms);
        if (sms.IsConfigured) services.AddHttpClient<ISmsGateway, HttpSmsGateway>();
        else services.TryAddSingleton<ISmsGateway, LogSmsGateway>();
    }

    /// <summary>Adds outbox type names to the engine's map, keeping whatever was mapped before.</summary>
    public static IServiceCollection AddOutboxTypes(this IServiceCollection services, Action<OutboxTypeMap> map)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(OutboxTypeMap));
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var types = existing?.ImplementationInstance as OutboxTypeMap
                ?? existing?.ImplementationFactory?.Invoke(sp) as OutboxTypeMap
                ?? new OutboxTypeMap();
            map(types);
            return types;
        }));
        return services;
    }

    /// <summary>Applies the notifications migrations and adds the default templates that are missing.</summary>
    public static async Task MigrateNotificationsAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        await db.Database.MigrateAsync(ct);
        await DefaultTemplates.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
    }
}

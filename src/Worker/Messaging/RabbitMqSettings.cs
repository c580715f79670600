using Microsoft.Extensions.Configuration;

namespace Worker.Messaging;

/// <summary>The <c>RabbitMq</c> configuration section. No <see cref="Host"/> means the in-memory bus (single process).</summary>
public sealed record RabbitMqSettings
{
    public const string Section = "RabbitMq";

    public string? Host { get; init; }
    public ushort Port { get; init; } = 5672;
    public string VirtualHost { get; init; } = "/";
    public string Username { get; init; } = "guest";
    public string Password { get; init; } = "guest";

    /// <summary>Declare receive queues as quorum queues (replicated across a RabbitMQ cluster).</summary>
    public bool QuorumQueues { get; init; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static RabbitMqSettings From(IConfiguration config) =>
        config.GetSection(Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
}

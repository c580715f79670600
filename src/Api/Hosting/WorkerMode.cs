using Worker.Messaging;

namespace Api.Hosting;

/// <summary>
/// Whether the API also runs the worker's services (single-process mode). <c>Hosting:RunWorkerInProcess</c>
/// decides when set; otherwise yes without RabbitMQ (one command runs everything) and no with RabbitMQ
/// (separate Worker processes consume the bus).
/// </summary>
public static class WorkerMode
{
    public const string ConfigKey = "Hosting:RunWorkerInProcess";

    public static bool RunInProcess(IConfiguration config) =>
        config.GetValue<bool?>(ConfigKey) ?? !RabbitMqSettings.From(config).IsConfigured;
}

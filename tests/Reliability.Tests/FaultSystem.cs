using System.Globalization;
using Tests.Shared;

namespace Reliability.Tests;

/// <summary>
/// The production shape on one machine: a PostgreSQL cluster and a RabbitMQ node of the run's own, an SMTP sink, and two
/// API and two Worker processes started from their Release builds, each on a port of its own that it keeps across restarts.
/// </summary>
public sealed class FaultSystem : IAsyncDisposable
{
    public const string Database = "iso";
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    private FaultSystem(FaultPostgres postgres, RabbitMqNode rabbit, SmtpSink smtp) => (Postgres, Rabbit, Smtp) = (postgres, rabbit, smtp);

    public FaultPostgres Postgres { get; }
    public RabbitMqNode Rabbit { get; }
    public SmtpSink Smtp { get; }
    public List<HostProcess> Apis { get; } = [];
    public List<HostProcess> Workers { get; } = [];
    public string ConnectionString => Postgres.ConnectionString(Database);

    public static async Task<FaultSystem> StartAsync()
    {
        var rabbit = await RabbitMqNode.StartAsync();
        var smtp = await SmtpSink.StartAsync();
        var postgres = await FaultPostgres.StartAsync(Database);
        var system = new FaultSystem(postgres, rabbit, smtp);
        try
        {
            await system.StartHostsAsync();
            return system;
        }
        catch
        {
            // The fixture never gets the system to dispose: without this, a host that fails to start leaves the others,
            // the broker and the database running after the test, on a machine other test runs share.
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartHostsAsync()
    {
        var common = CommonSettings();
        // The first API seeds the sample province and the demo accounts; the others start on what it made.
        var seeding = new Dictionary<string, string>(common)
        {
            ["Hosting:RunWorkerInProcess"] = "false", ["Samples:Seed"] = "true", ["Accounts:SeedDemo"] = "true", ["Samples:Dossiers"] = "0",
        };
        var api = new Dictionary<string, string>(common) { ["Hosting:RunWorkerInProcess"] = "false" };
        Apis.Add(new HostProcess("api-1", HostProcess.BuiltDll("Api"), LoopbackPorts.Free(), seeding));
        Apis.Add(new HostProcess("api-2", HostProcess.BuiltDll("Api"), LoopbackPorts.Free(), api));
        Workers.Add(new HostProcess("worker-1", HostProcess.BuiltDll("Worker"), LoopbackPorts.Free(), common));
        Workers.Add(new HostProcess("worker-2", HostProcess.BuiltDll("Worker"), LoopbackPorts.Free(), common));
        Apis[0].Start();
        await Apis[0].WaitUntilReadyAsync(StartLimit);
        foreach (var host in Apis.Skip(1).Concat(Workers)) host.Start();
        await Task.WhenAll(Apis.Skip(1).Concat(Workers).Select(h => h.WaitUntilReadyAsync(StartLimit)));
    }

    private Dictionary<string, string> CommonSettings() => new()
    {
        ["ConnectionStrings:Default"] = ConnectionString,
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = Rabbit.Port.ToString(CultureInfo.InvariantCulture),
        ["RabbitMq:QuorumQueues"] = "false",
        ["Workflows:Folder"] = Path.Combine(HostProcess.RepositoryRoot(), "workflows"),
        ["DataProtection:Key"] = SharedKey,
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Delivery:PollInterval"] = "00:00:00.200",
        ["Delivery:Lease"] = "00:00:15",
        ["Delivery:FirstRetryDelay"] = "00:00:05",
        ["Engine:Outbox:PollInterval"] = "00:00:00.200",
        ["Engine:Outbox:Lease"] = "00:00:10",
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    // Every API process behind one load balancer shares the key of the sign-in key ring.
    private static readonly string SharedKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Apis.Concat(Workers)) await host.DisposeAsync();
        await Rabbit.DisposeAsync();
        await Smtp.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

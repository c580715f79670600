using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;

namespace Tests.Shared;

/// <summary>
/// A throwaway RabbitMQ node from Debian's <c>rabbitmq-server</c>: its own node name, data and log folders, a private epmd
/// port and free loopback ports, no plugins; stopped and deleted at the end, nothing else on the machine touched. It can be
/// stopped and started again on the same port and data, as a broker restart.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private readonly string _folder;
    private readonly Dictionary<string, string> _env;
    private Process? _server;

    private RabbitMqNode(string folder, Dictionary<string, string> env, int port) => (_folder, _env, Port) = (folder, env, port);

    public int Port { get; }
    public string NodeName => _env["RABBITMQ_NODENAME"];

    public static async Task<RabbitMqNode> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "rabbitmq-server")))
            Assert.Ignore("rabbitmq-server is not installed (apt-get install rabbitmq-server; test.sh does it)");
        var folder = Path.Combine(Path.GetTempPath(), $"iso-rabbit-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].");
        var port = LoopbackPorts.Free();
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"), $"listeners.tcp.default = 127.0.0.1:{port}\n");
        var env = new Dictionary<string, string>
        {
            ["HOME"] = folder,
            ["RABBITMQ_NODENAME"] = $"isotest{Guid.NewGuid():N}"[..20] + "@localhost",
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
        };
        var node = new RabbitMqNode(folder, env, port);
        try
        {
            await node.StartServerAsync();
        }
        catch (InvalidOperationException)
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>Stops the node as an operator would (<c>rabbitmqctl stop</c>), then starts it again on the same port and data.</summary>
    public async Task RestartAsync()
    {
        await StopServerAsync();
        await StartServerAsync();
    }

    /// <summary>Messages MassTransit moved to <c>*_error</c> queues (a consumer failed for good), by queue.</summary>
    public async Task<IReadOnlyDictionary<string, int>> DeadLetteredAsync() =>
        ((await QueuesAsync()) ?? []).Where(q => q.IsError && q.Messages > 0).ToDictionary(q => q.Name, q => q.Messages);

    /// <summary>
    /// Every queue of the node with its depth: messages ready for a consumer, and delivered but not yet acknowledged (a
    /// consumer holds them, retrying in process or still working). Null while the node is down or does not answer.
    /// </summary>
    public async Task<IReadOnlyList<QueueDepth>?> QueuesAsync()
    {
        using var list = Process.Start(Command("rabbitmqctl", "-n", NodeName, "--quiet", "list_queues",
                "name", "messages_ready", "messages_unacknowledged", "consumers"))
            ?? throw new InvalidOperationException("rabbitmqctl did not start");
        var output = await list.StandardOutput.ReadToEndAsync();
        await list.WaitForExitAsync();
        if (list.ExitCode != 0) return null;
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 4 && p[1..].All(n => int.TryParse(n, out _)))
            .Select(p => new QueueDepth(p[0], Int(p[1]), Int(p[2]), Int(p[3])))
            .ToList();

        static int Int(string n) => int.Parse(n, CultureInfo.InvariantCulture);
    }

    private async Task StartServerAsync()
    {
        _server = Process.Start(Command("rabbitmq-server")) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await LoopbackPorts.AcceptsAsync(Port))
        {
            if (_server.HasExited || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(_folder, "log", $"{NodeName}.log");
                throw new InvalidOperationException($"RabbitMQ did not start: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : $"no log at {log}")}");
            }
            await Task.Delay(200);
        }
    }

    private async Task StopServerAsync()
    {
        using (var stop = Process.Start(Command("rabbitmqctl", "-n", NodeName, "stop")))
            if (stop is not null) await stop.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(_ => { });
        if (_server is null) return;
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    private ProcessStartInfo Command(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(Bin, tool)) { UseShellExecute = false, WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (key, value) in _env) psi.Environment[key] = value;
        return psi;
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        var epmd = new ProcessStartInfo("epmd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-port", _env["ERL_EPMD_PORT"], "-kill" }) epmd.ArgumentList.Add(a);
        try { using var kill = Process.Start(epmd); if (kill is not null) await kill.WaitForExitAsync(); }
        catch (System.ComponentModel.Win32Exception) { }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>One queue of a <see cref="RabbitMqNode"/>: ready and unacknowledged messages, and the consumers attached.</summary>
public sealed record QueueDepth(string Name, int Ready, int Unacked, int Consumers)
{
    public int Messages => Ready + Unacked;

    /// <summary>MassTransit's queues of messages given up on (<c>_error</c>) or that no consumer of the endpoint knew (<c>_skipped</c>).</summary>
    public bool IsError => Name.EndsWith("_error", StringComparison.Ordinal);
    public bool IsSkipped => Name.EndsWith("_skipped", StringComparison.Ordinal);

    public override string ToString() => $"{Name} {Ready} ready/{Unacked} unacked/{Consumers} consumers";
}

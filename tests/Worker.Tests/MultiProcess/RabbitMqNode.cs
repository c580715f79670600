using System.Diagnostics;
using Tests.Shared;

namespace Worker.Tests.MultiProcess;

/// <summary>
/// A throwaway RabbitMQ node from Debian's <c>rabbitmq-server</c>: its own node name, data and log folders, a private
/// epmd port and free loopback ports, no plugins; stopped and deleted at the end. Nothing else on the machine is touched.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private readonly string _folder;
    private readonly Dictionary<string, string> _env;
    private readonly Process _server;

    private RabbitMqNode(string folder, Dictionary<string, string> env, Process server, int port) => (_folder, _env, _server, Port) = (folder, env, server, port);

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
            ["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
        };
        var server = Process.Start(Command("rabbitmq-server", folder, env)) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        var node = new RabbitMqNode(folder, env, server, port);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await LoopbackPorts.AcceptsAsync(port))
        {
            if (server.HasExited || DateTime.UtcNow > deadline)
            {
                var output = await File.ReadAllTextAsync(Path.Combine(folder, "log", $"{node.NodeName}.log")).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "");
                await node.DisposeAsync();
                throw new InvalidOperationException($"RabbitMQ did not start: {output}");
            }
            await Task.Delay(200);
        }
        return node;
    }

    private static ProcessStartInfo Command(string tool, string folder, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(Bin, tool)) { UseShellExecute = false, WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (key, value) in env) psi.Environment[key] = value;
        return psi;
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = Process.Start(Command("rabbitmqctl", _folder, _env, "-n", NodeName, "stop")))
            if (stop is not null) await stop.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(_ => { });
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
        // The epmd this node started listens on its own port; ask it to leave.
        var epmd = new ProcessStartInfo("epmd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-port", _env["ERL_EPMD_PORT"], "-kill" }) epmd.ArgumentList.Add(a);
        try { using var kill = Process.Start(epmd); if (kill is not null) await kill.WaitForExitAsync(); }
        catch (System.ComponentModel.Win32Exception) { }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

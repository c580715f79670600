using System.Diagnostics;

namespace Engine.Tests.Crashes;

/// <summary>The engine node (<c>tests/EngineNode</c>) as a process of its own: a timer poller with the registry handler.</summary>
public sealed class EngineNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EngineNodeProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<EngineNodeProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(NodeDll());
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var node = new EngineNodeProcess(Process.Start(psi) ?? throw new InvalidOperationException("The engine node did not start."));
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        if (await Task.WhenAny(node._ready.Task, Task.Delay(TimeSpan.FromSeconds(60))) != node._ready.Task)
            throw new TimeoutException($"The engine node was not ready within 60 s:\n{node.Output}");
        return node;
    }

    /// <summary>SIGKILL: no shutdown, no finally block, no lease given back.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("engine node ready", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>The node built beside this test assembly's configuration (Debug or Release).</summary>
    private static string NodeDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory); // tests/Engine.Tests/bin/<Configuration>/net10.0/
        var configuration = here.Parent!.Name;
        var tests = here.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "EngineNode", "bin", configuration, here.Name, "EngineNode.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build tests/EngineNode first.", dll);
    }
}

using System.Diagnostics;
using Tests.Shared;

namespace Reliability.Tests;

/// <summary>
/// An API or Worker process started from its Release build (<c>dotnet src/Api/bin/Release/net10.0/Api.dll</c>) on a port
/// of its own, which it keeps across kills and restarts. Its output is kept (the last lines) for failure messages.
/// </summary>
public sealed class HostProcess(string name, string dll, int port, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly Queue<string> _tail = new();
    private Process? _process;

    public string Name { get; } = name;
    public string Url { get; } = $"http://127.0.0.1:{port}";
    public int Starts { get; private set; }
    public bool HasExited => _process is null || _process.HasExited;

    public string Tail { get { lock (_tail) return string.Join('\n', _tail); } }

    /// <summary>The built host <paramref name="project"/> (<c>Api</c> or <c>Worker</c>) of this test's configuration.</summary>
    public static string BuiltDll(string project)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory); // tests/Reliability.Tests/bin/<Configuration>/net10.0/
        var configuration = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", project, "bin", configuration, here.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/{project} first.", dll);
    }

    public static string RepositoryRoot() => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    public void Start()
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        psi.ArgumentList.Add(dll);
        psi.Environment["ASPNETCORE_URLS"] = Url;
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"{Name} did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200, with a deadline.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is null || _process.HasExited) throw new InvalidOperationException($"{Name} exited ({_process?.ExitCode}):\n{Tail}");
            try
            {
                if ((await http.GetAsync($"{Url}/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Tail}");
            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL, as a crash or the OOM killer: no shutdown, no lease given back.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 60) _tail.Dequeue();
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}

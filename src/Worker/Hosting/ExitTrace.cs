using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Worker.Hosting;

/// <summary>
/// Every way the process ends leaves a line in the log: a stop signal, an exception nobody caught (the process dies), a
/// failed task nobody awaited, and the exit itself with its code. Subscribed for the life of the host; a crash after the
/// logger is gone still reaches standard error.
/// </summary>
public sealed class ExitTrace : IDisposable
{
    private readonly ILogger _logger;
    private readonly PosixSignalRegistration[] _signals;
    private string? _reason;
    private volatile bool _loggerGone;

    public ExitTrace(ILogger logger)
    {
        _logger = logger;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        TaskScheduler.UnobservedTaskException += OnUnobservedTaskException;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        // Only noted: the host's own handlers still do the stopping.
        _signals = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }
            .Select(s => PosixSignalRegistration.Create(s, c => OnSignal(c.Signal)))];
    }

    /// <summary>Why the host stopped, for the exit line, unless a signal or a crash already said why.</summary>
    public void Stopped(string reason) => _reason ??= reason;

    internal void OnSignal(PosixSignal signal)
    {
        _reason = $"{signal} received";
        _logger.LogWarning("{Signal} received: stopping", signal);
    }

    internal void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        _reason = "an unhandled exception";
        Write(LogLevel.Critical, e.ExceptionObject as Exception ?? new InvalidOperationException($"{e.ExceptionObject}"),
            e.IsTerminating ? "Unhandled exception; the process ends now" : "Unhandled exception");
    }

    internal void OnUnobservedTaskException(object? sender, UnobservedTaskExceptionEventArgs e) =>
        Write(LogLevel.Error, e.Exception, "A background task failed and nobody awaited it");

    internal void OnProcessExit(object? sender, EventArgs e) =>
        Write(LogLevel.Information, null, $"Process exits with code {Environment.ExitCode}: {_reason ?? "the host did not stop (Environment.Exit?)"}");

    private void Write(LogLevel level, Exception? exception, string message)
    {
        if (_loggerGone) Console.Error.WriteLine($"[{DateTimeOffset.Now:HH:mm:ss} {level}] {nameof(ExitTrace)}: {message}{(exception is null ? "" : Environment.NewLine + exception)}");
        // The message is built here, not a template, so the same words reach standard error when the logger is gone.
#pragma warning disable CA2254
        else _logger.Log(level, exception, message);
#pragma warning restore CA2254
    }

    /// <summary>Called just before the logger is disposed: later lines go to standard error.</summary>
    public void LoggerGone() => _loggerGone = true;

    public void Dispose()
    {
        foreach (var signal in _signals) signal.Dispose();
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        TaskScheduler.UnobservedTaskException -= OnUnobservedTaskException;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }
}

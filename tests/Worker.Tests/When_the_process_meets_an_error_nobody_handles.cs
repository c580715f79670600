using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Worker.Hosting;

namespace Worker.Tests;

public sealed class When_the_process_meets_an_error_nobody_handles
{
    private RecordingLogger _log = null!;

    [SetUp]
    public void NewLog() => _log = new RecordingLogger();

    [Test]
    public async Task Should_log_a_failed_task_nobody_awaited()
    {
        using var trace = new ExitTrace(_log);
        FailUnobserved();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        // The runtime reports an unobserved task when the task is finalized.
        while (!_log.Entries.Any(e => e.Level == LogLevel.Error) && DateTime.UtcNow < deadline)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Yield();
        }
        _log.Entries.ShouldContain(e => e.Level == LogLevel.Error && e.Exception!.InnerException!.Message == "lost in the background");
    }

    [Test]
    public void Should_log_an_unhandled_exception_and_then_the_exit_with_its_cause()
    {
        using var trace = new ExitTrace(_log);
        trace.OnUnhandledException(null, new UnhandledExceptionEventArgs(new InvalidOperationException("boom"), isTerminating: true));
        trace.OnProcessExit(null, EventArgs.Empty);
        var entries = _log.Entries.Where(e => e.Level != LogLevel.Error).ToList(); // not another test's lost task
        entries[0].Level.ShouldBe(LogLevel.Critical);
        entries[0].Message.ShouldContain("the process ends now");
        entries[1].Message.ShouldBe($"Process exits with code {Environment.ExitCode}: an unhandled exception");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailUnobserved() => _ = Task.Run(() => throw new InvalidOperationException("lost in the background"));

    private sealed class RecordingLogger : ILogger
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> _entries = new();
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries => [.. _entries];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}

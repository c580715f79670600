namespace Procedures.Dossiers;

/// <summary>
/// Receptions at one shop in this process take the shop's next dossier number one at a time, holding the turn until their
/// transaction ends. The database's row lock alone keeps the numbers right (and does so across processes); what this adds is
/// that the others wait here rather than on the row: when the row's holder commits, PostgreSQL wakes every transaction waiting
/// on it and all but one go back to waiting, which with many waiters cost more than the numbering itself (docs/benchmarks.md,
/// "Receptions at one shop"). Keyed by unit code: a process serves a bounded number of shops.
/// </summary>
internal static class DossierNumberGate
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>Waits for the shop's turn; disposing the answer gives it to the next reception.</summary>
    public static async Task<IDisposable> EnterAsync(string unitCode, CancellationToken ct)
    {
        var turn = Turns.GetOrAdd(unitCode, static _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turn.Release();
        }
    }
}

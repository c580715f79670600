using System.Collections.Concurrent;

namespace Procedures.ReferenceData;

/// <summary>
/// This process's copy of the reference data every use case reads (officials with their memberships, units, procedures with
/// their documents, competences), so that a warm use case does not read it again. Every change to those tables, committed by
/// any process or by hand, raises the generation (<see cref="ReferenceGeneration"/>, a database trigger); a use case reads the
/// generation in a batch it sends anyway, inside its transaction, and <see cref="Confirm"/> tells it whether what it took from
/// here was current. When it was not, the copy is dropped and the use case runs again on fresh reads.
/// </summary>
/// <remarks>
/// An entry is stored in the snapshot that was current before it was read, so it is never older than that snapshot's generation;
/// an entry newer than its snapshot only makes the next check fail, never pass wrongly.
/// </remarks>
public sealed class ReferenceCache
{
    /// <summary>Entries past this count drop the copy: a day's actors and catalogue fit many times over.</summary>
    private const int MostEntries = 50_000;
    private volatile Snapshot _current = new(Unknown);
    private const long Unknown = -1;

    /// <summary>What the cache holds now; take it once per use case, before the first read.</summary>
    public Snapshot Current => _current;

    /// <summary>
    /// Whether <paramref name="taken"/> still holds at <paramref name="observed"/>, the generation read inside the use case's
    /// transaction. When not, the cache starts again empty at <paramref name="observed"/>.
    /// </summary>
    public bool Confirm(Snapshot taken, long observed)
    {
        if (taken.Generation == observed) return true;
        var now = _current;
        if (now.Generation < observed) Interlocked.CompareExchange(ref _current, new Snapshot(observed), now);
        return false;
    }

    /// <summary>
    /// Whether <paramref name="taken"/> is current, at the cost of a round trip: for a refusal made on cached data, before it is
    /// answered (a membership granted a moment ago must not be refused on the copy).
    /// </summary>
    public async Task<bool> ConfirmAsync(Snapshot taken, Persistence.ProceduresDb db, CancellationToken ct) =>
        Confirm(taken, await ReferenceGeneration.ReadAsync(db, ct));

    /// <summary>An empty snapshot that keeps nothing for others: reads through it go to the database.</summary>
    public static Snapshot Uncached() => new(Unknown);

    /// <summary>Drops everything (a test that writes reference rows behind the triggers' back, or an operator's reset).</summary>
    public void Clear() => _current = new Snapshot(Unknown);

    public sealed class Snapshot(long generation)
    {
        private readonly ConcurrentDictionary<(Type, object), object> _entries = new();

        public long Generation { get; } = generation;

        /// <summary>The entry of <typeparamref name="T"/> under <paramref name="key"/>, read with <paramref name="load"/> when absent.</summary>
        public async Task<T?> GetAsync<T>(object key, Func<CancellationToken, Task<T?>> load, CancellationToken ct) where T : class
        {
            if (_entries.TryGetValue((typeof(T), key), out var found)) return (T)found;
            var loaded = await load(ct);
            // Absence is not kept: an official or unit created a moment ago must be found, not refused on the copy.
            if (loaded is not null && _entries.Count < MostEntries) _entries[(typeof(T), key)] = loaded;
            return loaded;
        }
    }
}

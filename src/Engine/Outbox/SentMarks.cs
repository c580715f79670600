using System.Threading.Channels;
using Npgsql;

namespace Engine.Outbox;

/// <summary>
/// Marks rows sent as their publishes are confirmed, without making the publishing lanes wait for it: one statement
/// writes every row confirmed since the previous statement was sent, so the marks trail the confirms by one round trip
/// instead of costing one each. A crash republishes only the rows of that last trailing group (consumers dedupe). The
/// ordering rule does not depend on the marks: a lane publishes a row only after the broker confirmed the one before,
/// and the rows stay leased to this dispatcher until marked.
/// </summary>
internal sealed class SentMarks
{
    private readonly Channel<Guid> _confirmed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly Task _writer;

    public SentMarks(NpgsqlDataSource dataSource, TimeProvider clock)
    {
        (_dataSource, _clock) = (dataSource, clock);
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>The database refused a mark: publishing more would only add duplicates, so lanes stop.</summary>
    public bool Failed => _writer.IsFaulted;

    public void Add(Guid id) => _confirmed.Writer.TryWrite(id);

    /// <summary>Writes what is still queued and returns when every confirmed row is marked (or throws why not).</summary>
    public async Task CompleteAsync()
    {
        _confirmed.Writer.TryComplete();
        await _writer;
    }

    // Not cancellable: the broker has these messages, so recording them is worth finishing even when the host stops.
    private async Task WriteAsync()
    {
        var ids = new List<Guid>();
        while (await _confirmed.Reader.WaitToReadAsync())
        {
            while (_confirmed.Reader.TryRead(out var id)) ids.Add(id);
            await OutboxOutcomes.MarkSentAsync(_dataSource, ids, _clock.GetUtcNow(), CancellationToken.None);
            ids.Clear();
        }
    }
}

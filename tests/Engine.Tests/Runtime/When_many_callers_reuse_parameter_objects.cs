using System.Collections.Concurrent;
using Engine.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Tests.Runtime;

public sealed class When_many_callers_reuse_parameter_objects
{
    [Test]
    public void Should_never_hand_out_a_parameter_another_caller_still_holds()
    {
        // Half the threads only take and half only give back, as async operations that resume on other threads do at worst:
        // the takers' own stacks keep running empty and the givers' keep filling up, so every parameter passes through the
        // shared stack, while sixteen threads work at once.
        const int callers = 16, rounds = 3000;
        var inUse = new ConcurrentDictionary<NpgsqlParameter, int>(ReferenceEqualityComparer.Instance);
        var taken = new ConcurrentQueue<(NpgsqlBatch Batch, int Caller, int Round)>();
        var (clashes, overwritten, given, takersLeft) = (0, 0, 0, callers / 2);
        var failures = new ConcurrentQueue<Exception>();
        using var start = new Barrier(callers);
        var threads = Enumerable.Range(0, callers).Select(caller => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                if (caller % 2 == 0) Take(caller);
                else GiveBack();
            }
            // A parameter handed out twice is also refused by the second command it is added to.
            catch (Exception e) { failures.Enqueue(e); }
            finally { if (caller % 2 == 0) Interlocked.Decrement(ref takersLeft); }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failures.ShouldBeEmpty();
        given.ShouldBe(callers / 2 * rounds);
        clashes.ShouldBe(0);
        overwritten.ShouldBe(0);

        void Take(int caller)
        {
            for (var round = 0; round < rounds; round++)
            {
                var command = new NpgsqlBatchCommand("SELECT 1");
                for (var i = 0; i < 1 + (round * 7 + caller) % 60; i++)
                {
                    var parameter = ReusedParameters.Take(caller * 1_000_000 + round);
                    if (!inUse.TryAdd(parameter, caller)) Interlocked.Increment(ref clashes);
                    command.Parameters.Add(parameter);
                }
                taken.Enqueue((new NpgsqlBatch { BatchCommands = { command } }, caller, round));
                // Keep the takers from running far ahead of the givers, so that parameters come round again.
                while (taken.Count > 64) Thread.Yield();
            }
        }

        void GiveBack()
        {
            while (Volatile.Read(ref takersLeft) > 0 || !taken.IsEmpty)
            {
                if (!taken.TryDequeue(out var done)) { Thread.Yield(); continue; }
                foreach (NpgsqlParameter parameter in done.Batch.BatchCommands[0].Parameters)
                {
                    if (!Equals(parameter.Value, done.Caller * 1_000_000 + done.Round)) Interlocked.Increment(ref overwritten);
                    inUse.TryRemove(parameter, out _);
                }
                ReusedParameters.GiveBack(done.Batch);
                Interlocked.Increment(ref given);
            }
        }
    }

    [Test]
    public void Should_hand_back_a_parameter_without_its_previous_value_or_type()
    {
        var first = ReusedParameters.Take("""{"a":1}""", NpgsqlDbType.Jsonb);
        var batch = new NpgsqlBatch { BatchCommands = { new NpgsqlBatchCommand("SELECT $1") { Parameters = { first } } } };
        ReusedParameters.GiveBack(batch);

        batch.BatchCommands[0].Parameters.Count.ShouldBe(0);
        first.Value.ShouldBe(DBNull.Value);
        var again = ReusedParameters.Take(5);
        again.ShouldBeSameAs(first);
        again.Value.ShouldBe(5);
        again.NpgsqlDbType.ShouldBe(NpgsqlDbType.Integer);
    }
}

using System.Diagnostics;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// Round trips of the two use cases run most (docs/architecture.md, "Round trips of a use case"): every command or batch
/// Npgsql sends is one (its tracing has one activity for each), plus the COMMIT, which it does not trace. Each is measured on
/// a warm scope (the definitions, calendar and model caches filled by a use case before it), as on a running server.
/// </summary>
public sealed class When_a_use_case_talks_to_the_database : DossierTest
{
    /// <summary>
    /// Official; receiving unit; procedure with its documents; competence; the new dossier's code; the route by responsibility;
    /// the engine's start (definition, then one write batch that also returns the open work); its receive step taken (locking
    /// read, write batch); the dossier's writes; the commit. Was 15: the work items and a flag were read again after each
    /// of the two moves, and a new dossier's absent route was deleted.
    /// </summary>
    public const int Reception = 12;

    /// <summary>
    /// Official; dossier lock with the units taking part, the open work and the route (one batch); dossier; specialist; the
    /// engine's locking read and write batch; the dossier's writes; the commit. Was 10: the route was read on its own, and
    /// the work items with a flag were read again after the move.
    /// </summary>
    public const int Assignment = 8;

    [Test]
    public async Task Should_receive_a_dossier_in_its_counted_round_trips()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        await ReceiveComplete();
        var (trips, sql) = await CountAsync(ReceiveComplete);
        trips.ShouldBe(Reception, string.Join("\n", sql));
    }

    [Test]
    public async Task Should_assign_a_dossier_in_its_counted_round_trips()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var first = await ReceiveComplete();
        var second = await ReceiveComplete();
        (await Assign(first.DossierId)).Ok();
        var (trips, sql) = await CountAsync(async () => (await Assign(second.DossierId)).Ok());
        trips.ShouldBe(Assignment, string.Join("\n", sql));
    }

    /// <summary>Round trips of <paramref name="action"/> (one committed transaction), with the statements of each.</summary>
    private static async Task<(int Trips, List<string> Sql)> CountAsync<T>(Func<Task<T>> action)
    {
        var sql = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                lock (sql) sql.Add((a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName).ToString()!.ReplaceLineEndings(" "));
            },
        };
        ActivitySource.AddActivityListener(listener);
        await action();
        lock (sql) return (sql.Count + 1, [.. sql, "COMMIT"]);
    }
}

using System.Diagnostics;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// Round trips of the two use cases run most (docs/architecture.md, "Round trips of a use case"): every command or batch
/// Npgsql sends is one (its tracing has one activity for each), plus the COMMIT, which it does not trace. Each is measured on
/// a warm scope (the definitions, calendar, reference and model caches filled by a use case before it), as on a running server.
/// </summary>
public sealed class When_a_use_case_talks_to_the_database : DossierTest
{
    /// <summary>
    /// The new dossier's route by responsibility, the reference data's generation and the workflow definition it starts on (one
    /// batch); the dossier's code number, taken last because its counter row stays locked until the commit; the engine's start with
    /// its receive step taken, written in one batch with the dossier's writes; the commit. The official, receiving unit, procedure
    /// and competence come from the reference cache, which the generation confirms. Was 12: four reference reads, the code and the
    /// route on their own, and two engine calls; then 5, with the definition read by the engine and its writes on their own.
    /// </summary>
    public const int Reception = 4;

    /// <summary>
    /// Dossier lock with the units taking part, the open work, the route, the reference data's generation, the dossier with its
    /// documents and the engine's locks on its instance (one batch); the engine's write batch; the dossier's writes; the commit. The
    /// official and the specialist come from the reference cache, which the generation confirms. Was 8: both officials were read on
    /// each assignment; then 6, with the dossier loaded and the engine's locking read each on their own.
    /// </summary>
    public const int Assignment = 4;

    [Test]
    public async Task Should_receive_a_dossier_in_its_counted_round_trips()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        await ReceiveComplete();
        var (trips, sql) = await CountAsync(ReceiveComplete);
        trips.ShouldBe(Reception, string.Join("\n", sql));
        trips.ShouldBeLessThanOrEqualTo(6);
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
        trips.ShouldBeLessThanOrEqualTo(6);
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

using Microsoft.Extensions.Logging;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// One dossier at a time for the sweeps the worker runs (<see cref="StopUnsuppliedDossiers"/>,
/// <see cref="RemindUnsuppliedDossiers"/>): each in its own transaction, and one that fails is logged and left for the next
/// sweep (its transaction rolled back, nothing it tracked kept) while the others go on, so one broken dossier never holds
/// up the rest nor the SLA sweep that runs after them.
/// </summary>
internal static class DossierSweep
{
    public static async Task<IReadOnlyList<T>> EachAsync<T>(IEnumerable<Guid> dossiers, ProceduresDb db, ILogger logger, string what,
        Func<Guid, Task<T?>> handle, CancellationToken ct) where T : class
    {
        var done = new List<T>();
        foreach (var id in dossiers)
        {
            try
            {
                if (await handle(id) is { } one) done.Add(one);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                logger.LogError(e, "{What} failed for dossier {DossierId}; the next sweep tries it again", what, id);
            }
        }
        return done;
    }
}

using Api.Dossiers;

namespace Api.Ui;

/// <summary>One item of a bulk assignment that did not go through, with the reason in the UI's language.</summary>
public sealed record AssignmentFailure(Guid DossierId, string DossierLabel, string Error);

/// <summary>
/// Assigns several dossiers to one specialist: each goes through the dossier page's own assign action (the use case checks the
/// leader, the step and the specialist each time) in its own service scope, so one refusal does not stop the others. Each sends the
/// revision of the row the list showed: a dossier changed since is listed with the stale message and not assigned.
/// </summary>
public static class BulkAssignment
{
    public static async Task<IReadOnlyList<AssignmentFailure>> RunAsync(UiSession session, string actor, IEnumerable<InboxItem> items, string specialist,
        string? comment, CancellationToken ct = default)
    {
        var failures = new List<AssignmentFailure>();
        foreach (var item in items.DistinctBy(i => i.DossierId))
        {
            var error = await session.RunAsync<IServiceProvider, string?>(sp =>
                OfficeActions.RunAsync(sp, actor, item.DossierId, item.DossierRevision, new ActionInput("assign", comment, specialist), ct));
            if (error is not null) failures.Add(new AssignmentFailure(item.DossierId, item.DossierCode ?? item.ApplicantName, error));
        }
        return failures;
    }

    /// <summary>Only the steps waiting for a specialist to be named can be assigned in bulk.</summary>
    public static bool CanAssign(InboxItem item) => item.StepId == Procedures.Dossiers.DossierSteps.Assign;
}

using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Citizens;
using Procedures.Dossiers;

namespace Api.Ui;

/// <summary>
/// What the citizen's confirmation page says after an online submission: the submission number to quote, where it went,
/// by when the one-stop shop checks it (<see cref="DossierRules.OnlineCheck"/> on the working-day calendar) and the
/// procedure's time limit, which runs from the complete reception.
/// </summary>
public sealed record SubmissionReceipt(CitizenDossierView Dossier, string SubmissionNumber, DateTimeOffset CheckBy, LegalTimeLimit TimeLimit)
{
    /// <summary>The dossier's id as a number a person can read out: its last twelve hex digits (the random part of a v7 id).</summary>
    public static string NumberOf(Guid dossierId)
    {
        var hex = dossierId.ToString("N").ToUpperInvariant()[^12..];
        return $"{hex[..4]}-{hex[4..8]}-{hex[8..]}";
    }

    /// <summary>The citizen's own submission; null for anyone else's dossier (the query's rule).</summary>
    public static async Task<SubmissionReceipt?> LoadAsync(IServiceProvider sp, Guid citizenId, Guid dossierId, CancellationToken ct = default)
    {
        var dossier = (await sp.GetRequiredService<CitizenDossierQueries>().GetAsync(citizenId, dossierId, ct)).Value;
        if (dossier?.SubmittedAt is not { } submitted) return null;
        var procedure = (await sp.GetRequiredService<ProcedureDetailQuery>().HandleAsync(new GetProcedure(dossier.ProcedureId, IncludeInactive: true), ct)).Value;
        if (procedure is null) return null;
        var calendar = sp.GetRequiredService<CalendarProvider>();
        var checkBy = calendar.Add(submitted, calendar.DossierRules.OnlineCheck);
        return new SubmissionReceipt(dossier, NumberOf(dossierId), checkBy, procedure.TimeLimit);
    }
}

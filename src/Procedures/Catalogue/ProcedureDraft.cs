using Procedures.Calendar;

namespace Procedures.Catalogue;

/// <summary>A required document as an admin writes it; <paramref name="Id"/> keeps an existing document's identity on update.</summary>
public sealed record DocumentDraft(
    string Name, int Copies = 1, DocumentForm Form = DocumentForm.Original, bool IsOptional = false, string? TemplateName = null, Guid? Id = null);

/// <summary>Everything an admin writes about a procedure, for creating and for updating it.</summary>
public sealed record ProcedureDraft(
    string Code, string Name, string Level, Guid SectorId, LegalTimeLimitKind TimeLimitKind, decimal TimeLimitAmount,
    IReadOnlyList<Channel> Channels, IReadOnlyList<DocumentDraft> Documents, IReadOnlyList<Fee> Fees,
    IReadOnlyList<string>? ResultDocuments = null, string? NameEn = null, string? LegalBasis = null, string? Description = null,
    int RetentionYears = 10)
{
    /// <summary>
    /// Copies the draft onto the entity, documents matched by id, search text refreshed. Returns the new documents:
    /// on a tracked procedure they must be added explicitly, since EF takes a child with its key set for an existing row.
    /// </summary>
    internal IReadOnlyList<ProcedureDocument> ApplyTo(Procedure p)
    {
        p.Code = Code.Trim();
        p.Name = Name.Trim();
        p.NameEn = Blank(NameEn);
        p.Level = Level;
        p.SectorId = SectorId;
        p.LegalBasis = Blank(LegalBasis);
        p.Description = Blank(Description);
        p.TimeLimitKind = TimeLimitKind;
        p.TimeLimitAmount = TimeLimitAmount;
        p.Channels = [.. Channels.Distinct()];
        p.Fees = [.. Fees];
        p.ResultDocuments = [.. (ResultDocuments ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())];
        p.RetentionYears = RetentionYears;
        // Name first, so ordering by the search text is an accent-insensitive alphabetical order of names.
        p.SearchText = SearchText.Fold($"{p.Name} {p.Code} {p.NameEn}");

        var existing = p.RequiredDocuments.ToDictionary(d => d.Id);
        p.RequiredDocuments.Clear();
        var added = new List<ProcedureDocument>();
        for (var i = 0; i < Documents.Count; i++)
        {
            var draft = Documents[i];
            if (draft.Id is not { } id || !existing.TryGetValue(id, out var document))
                added.Add(document = new ProcedureDocument { Id = Guid.CreateVersion7(), ProcedureId = p.Id });
            document.Order = i + 1;
            document.Name = draft.Name.Trim();
            document.Copies = draft.Copies;
            document.Form = draft.Form;
            document.IsOptional = draft.IsOptional;
            document.TemplateName = Blank(draft.TemplateName);
            p.RequiredDocuments.Add(document);
        }
        return added;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

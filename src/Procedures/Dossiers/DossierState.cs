using System.Text.Json.Nodes;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// Where a dossier stands after a use case: status (portal code), appointment, the steps now open, and the revision the
/// use case committed (the <c>ETag</c> to send back), so nobody reads it again.
/// </summary>
public sealed record DossierState(Guid DossierId, string? Code, DossierStatus Status, DateTimeOffset? AppointmentAt, IReadOnlyList<string> OpenSteps,
    int Revision);

internal static class Required
{
    public static DomainError? Text(string? value, string field, string whatVi, string whatEn) => string.IsNullOrWhiteSpace(value)
        ? DomainError.Invalid(field, "required", $"Thiếu {whatVi}.", $"{whatEn} is required.")
        : null;

    /// <summary>Step form fields given by the caller (e.g. <c>paymentReference</c>), as workflow data.</summary>
    public static JsonObject Fields(IReadOnlyDictionary<string, string>? fields)
    {
        var data = new JsonObject();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) data[name] = value;
        return data;
    }
}

internal sealed partial class DossierWork
{
    public DossierState State() =>
        new(Dossier.Id, Dossier.Code, Dossier.Status, Dossier.AppointmentAt, OpenItems.Select(w => w.StepId).Distinct().ToList(), Dossier.Revision);

    /// <summary>Portal code 4 from the first move after reception onwards (2 means received and not yet taken up).</summary>
    public void MarkProcessing()
    {
        if (Dossier.Status == DossierStatus.Accepted) Dossier.Status = DossierStatus.Processing;
    }
}

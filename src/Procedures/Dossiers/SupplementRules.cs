using System.Globalization;
using System.Text.Json.Nodes;
using Procedures.Calendar;

namespace Procedures.Dossiers;

/// <summary>What a supplement request changes on the dossier, at reception or during processing.</summary>
internal static class SupplementRules
{
    public static void Apply(Dossier dossier, List<string> missingItems, DateTimeOffset now, VietnameseCalendar calendar, DossierSettings settings)
    {
        dossier.Status = DossierStatus.SupplementRequested;
        dossier.MissingItems = missingItems;
        dossier.SupplementRequestedAt = now;
        dossier.SupplementDueAt = calendar.ComputeAppointment(now, LegalTimeLimit.WorkingDays(settings.SupplementDueDays), dossier.ReceivingUnitId.ToString()).ToUniversalTime();
        dossier.SupplementCount++;
    }

    /// <summary>The form fields the conventions' <c>request-supplement</c> action requires (<c>missingItems</c>, a text area).</summary>
    public static JsonObject Data(Dossier dossier) => new() { ["missingItems"] = string.Join("\n", dossier.MissingItems) };

    /// <summary>What the request sets besides the form: the citizen's deadline, computed by the use case.</summary>
    public static JsonObject Facts(Dossier dossier) => new()
    {
        ["supplementDueAt"] = dossier.SupplementDueAt?.ToString("O", CultureInfo.InvariantCulture),
    };
}

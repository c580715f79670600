using System.Globalization;
using System.Text.Json.Nodes;
using Procedures.Common;
using Procedures.Calendar;
using Procedures.Catalogue;

namespace Procedures.Dossiers;

/// <summary>What a supplement request changes on the dossier, at reception or during processing.</summary>
internal static class SupplementRules
{
    /// <summary>
    /// A request beyond the procedure's allowance: the law wants every missing item in one notice, so another request would
    /// restart the clock in full and let a deadline be reset without end.
    /// </summary>
    public static DomainError? Allows(Dossier dossier, SupplementPolicy policy) => dossier.SupplementCount < policy.MaxRequests ? null
        : new DomainError(ErrorKind.Conflict, "supplement-limit-reached",
            $"Hồ sơ đã được yêu cầu bổ sung {dossier.SupplementCount} lần; thủ tục chỉ cho phép yêu cầu bổ sung {policy.MaxRequests} lần, bằng một phiếu nêu đầy đủ các nội dung. Căn cứ: {policy.LegalBasis}",
            $"A supplement was already requested {dossier.SupplementCount} time(s); this procedure allows {policy.MaxRequests} request(s), each listing every missing item. Legal basis: {policy.LegalBasis}",
            "missingItems");

    public static void Apply(Dossier dossier, List<string> missingItems, DateTimeOffset now, VietnameseCalendar calendar, SupplementPolicy policy)
    {
        dossier.Status = DossierStatus.SupplementRequested;
        dossier.MissingItems = missingItems;
        dossier.SupplementRequestedAt = now;
        dossier.SupplementDueAt = calendar.ComputeAppointment(now, LegalTimeLimit.WorkingDays(policy.CitizenDays), dossier.ReceivingUnitId.ToString()).ToUniversalTime();
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

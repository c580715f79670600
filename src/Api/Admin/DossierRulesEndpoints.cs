using Api.Audit;
using Procedures.Dossiers;

namespace Api.Admin;

/// <summary>The agency's dossier time rules: apology notice, supplement reminder, online check, due soon (system administrators).</summary>
public static class DossierRulesEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var rules = admin.MapGroup("/dossier-rules").WithTags("Admin: calendar");
        rules.MapGet("/", (HttpContext http, DossierRulesQuery q) => AdminActor.RunAsync(http, a => q.HandleAsync(a, http.RequestAborted)))
            .WithName("DossierRules").WithSummary("Quy tắc thời hạn hồ sơ: báo trước khi xin lỗi, nhắc bổ sung, kiểm tra hồ sơ trực tuyến, sắp đến hạn")
            .AdminProblems();
        rules.MapPut("/", (UpdateDossierRules r, HttpContext http, UpdateDossierRulesHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("dossier-rules.update", "settings").WithName("UpdateDossierRules")
            .WithSummary("Đổi quy tắc thời hạn hồ sơ (ngày làm việc, theo bước nửa ngày)").AdminProblems();
    }
}

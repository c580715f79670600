using System.Net;
using System.Net.Http.Headers;
using Api.Accounts;

namespace Api.Tests.Sample;

/// <summary>
/// The authorisation matrix: every endpoint as anonymous, citizen A, citizen B, a clerk of the dossier's unit (Yên
/// Sơn), a clerk of another unit (Hàm Yên), the leader of the dossier's commune and the system admin. "ok" means the
/// call got past authorisation and visibility (its answer may still be a 409/412/422 of the domain); state-changing
/// dossier calls carry a stale If-Match so nothing changes. Officials of other units and other citizens get 404.
/// </summary>
public sealed class When_every_role_tries_every_endpoint
{
    private const string Ok = "ok", Unauthorised = "401", Forbidden = "403", NotFound = "404";
    private static readonly string[] Roles = ["anonymous", "citizenA", "citizenB", "clerkX", "clerkY", "leader", "admin"];
    private static readonly string[] Officials = [Forbidden, Forbidden, Ok, Ok, Ok, Ok]; // citizenA, citizenB, clerkX, clerkY, leader, admin
    private static readonly string[] DossierOfX = [Forbidden, Forbidden, Ok, NotFound, Ok, NotFound];
    /// <summary>
    /// Directing a dossier: leaders only. The use case checks the caller is a leader before it looks the dossier up, so an
    /// official who leads nothing gets 403, which says nothing about the dossier; the stale If-Match is compared after that.
    /// </summary>
    private static readonly string[] Directors = [Forbidden, Forbidden, Forbidden, Forbidden, Ok, Forbidden];
    private static readonly string[] CitizenAOnly = [Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly string[] Citizens = [Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly string[] AdminOnly = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok];
    private static readonly string[] Everyone = [Ok, Ok, Ok, Ok, Ok, Ok];
    private static readonly string[] Nobody = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly string[] AnyAccount = [Ok, Ok, Ok, Ok, Ok, Ok];
    /// <summary>The commune's roll-up: its leader and the system admin; its shop's clerk is below it (403), the other commune's clerk outside (404).</summary>
    private static readonly string[] CommuneRollUp = [Forbidden, Forbidden, Forbidden, NotFound, Ok, Ok];
    /// <summary>Read in the shop's subtree: its clerk and everyone above it.</summary>
    private static readonly string[] ShopReaders = [Forbidden, Forbidden, Ok, NotFound, Ok, Ok];
    /// <summary>Quality records and reports of the shop are kept by leaders above it, not by its clerk.</summary>
    private static readonly string[] ShopKeepers = [Forbidden, Forbidden, Forbidden, NotFound, Ok, Ok];
    private const string Period = "from=2026-01-01&to=2026-01-31";

    /// <summary>(method, url, body, expectation for anonymous, expectations for the other six roles).</summary>
    private static readonly (string Method, string Url, object? Body, string Anonymous, string[] Others)[] Matrix =
    [
        ("GET", "/api/v1/catalogue/procedures?text=khai%20sinh", null, Ok, Everyone),
        ("GET", "/api/v1/catalogue/sectors", null, Ok, Everyone),
        ("POST", "/api/v1/public/tracking", new { code = "{code}", secondFactor = "5678" }, Ok, Everyone),
        ("GET", "/api/v1/public/questions", null, Ok, Everyone),
        ("GET", "/api/v1/public/rating-indicators", null, Ok, Everyone),
        ("GET", "/api/v1/system/info", null, Ok, Everyone),
        ("GET", "/api/v1/me", null, Unauthorised, [Ok, Ok, Ok, Ok, Ok, Ok]),

        ("GET", "/api/v1/dossiers/{D}", null, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/reception", new { decision = "Accept" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/supplement-requests", new { missingItems = new[] { "Sơ đồ" }, reason = "Thiếu" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/supplements", new { documents = Array.Empty<object>() }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/refusal", new { reason = "Không đủ điều kiện" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/assignment", new { specialist = "ys.economy.specialist" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/appraisal", new { notes = "Đủ điều kiện" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/directions", new { instructions = "Ma trận", specialist = "ys.economy.specialist" }, Unauthorised, Directors),
        ("GET", "/api/v1/directions/mine", null, Unauthorised, Officials),
        ("POST", "/api/v1/dossiers/{D}/consultations", new { subject = "Xin ý kiến" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/consultation-replies", new { reply = "Đồng ý" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/approval", new { }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/send-back", new { reason = "Làm lại" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/signature", new { }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/return", new { channel = "Counter" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/withdrawal", new { reason = "Công dân xin rút" }, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/apology", new { reason = "Chậm", newAppointmentDate = "2030-01-02", delayUnitId = "{D}" }, Unauthorised, DossierOfX),
        ("GET", "/api/v1/dossiers/{D}/attachments/{A}", null, Unauthorised, DossierOfX),
        ("GET", "/api/v1/dossiers/{D}/citizen-supplements", null, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/search", new { code = "{code}" }, Unauthorised, Officials),
        ("GET", "/api/v1/inbox/mine", null, Unauthorised, Officials),
        ("GET", "/api/v1/inbox/unit", null, Unauthorised, Officials),
        ("GET", "/api/v1/inbox/due-soon", null, Unauthorised, Officials),
        ("GET", "/api/v1/inbox/overdue", null, Unauthorised, Officials),
        ("GET", "/api/v1/inbox/deadlines", null, Unauthorised, Officials),
        ("GET", "/api/v1/questions", null, Unauthorised, Officials),
        ("GET", "/api/v1/feedback", null, Unauthorised, Officials),
        ("GET", "/api/v1/ratings/summary?unitId={commune}", null, Unauthorised, [Forbidden, Forbidden, Ok, NotFound, Ok, Ok]),

        ("GET", "/api/v1/citizen/dossiers", null, Unauthorised, Citizens),
        ("GET", "/api/v1/citizen/dossiers/{S}", null, Unauthorised, CitizenAOnly),
        ("POST", "/api/v1/citizen/dossiers/{S}/withdrawal", new { reason = "Không cần nữa" }, Unauthorised, CitizenAOnly),
        ("POST", "/api/v1/citizen/dossiers/{S}/supplements", new { documents = new[] { new { name = "Sơ đồ", attachmentId = "{A}" } } }, Unauthorised, CitizenAOnly),
        ("POST", "/api/v1/citizen/dossiers/{S}/rating", new { scores = new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2 } }, Unauthorised, CitizenAOnly),
        ("GET", "/api/v1/citizen/dossiers/{S}/attachments/{A}", null, Unauthorised, [NotFound, NotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("GET", "/api/v1/citizen/questions", null, Unauthorised, Citizens),
        ("GET", "/api/v1/citizen/feedback", null, Unauthorised, Citizens),

        ("GET", "/api/v1/admin/units/{province}/tree", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/units/{commune}/officials", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/unit-types", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/units/{commune}/responsibilities", null, Unauthorised, AdminOnly),
        // No holder and no scope: refused (422) before anything is written, so the admin's "ok" changes nothing.
        ("POST", "/api/v1/admin/responsibilities", new { unitId = "{commune}" }, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/calendar/2026", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/calendar/rules", null, Unauthorised, AdminOnly),
        ("PUT", "/api/v1/admin/calendar/rules", new { cutOff = "15:00:00", cultureDayFromYear = 2026 }, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/dossier-rules", null, Unauthorised, AdminOnly),
        ("PUT", "/api/v1/admin/dossier-rules", new { apologyNoticeDays = 1, supplementReminderDays = 2, onlineCheckDays = 1, dueSoonDays = 1 }, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/definitions", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/definitions/birth-registration/problems", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/audit", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/catalogue/procedures/{procedure}", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/catalogue/procedures/{procedure}/supplement-rules", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/supplement-rules", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/notifications", null, Unauthorised, AnyAccount),
        ("GET", "/api/v1/notifications/unread-count", null, Unauthorised, AnyAccount),
        ("POST", "/api/v1/notifications/read", new { ids = new[] { "{D}" } }, Unauthorised, AnyAccount),
        ("PUT", "/api/v1/citizen/notification-preferences", new { email = true, sms = false, inApp = true, locale = "vi" }, Unauthorised, Citizens),
        ("GET", "/api/v1/dossiers/{D}/messages", null, Unauthorised, DossierOfX),
        ("POST", "/api/v1/dossiers/{D}/messages", new { recipientKind = "citizen", body = "" }, Unauthorised, DossierOfX),
        ("GET", "/api/v1/admin/templates", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/templates/events", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/templates/dossier-received/email/vi/history", null, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/templates", new { @event = "dossier-received", channel = "email", locale = "vi", subject = "Hồ sơ {{Foo}}", body = "{{Foo}}" }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/templates/preview", new { @event = "dossier-received", channel = "email", locale = "vi" }, Unauthorised, AdminOnly),
        ("DELETE", "/api/v1/admin/templates/no-such-event/email/vi", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/deliveries/problems", null, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/deliveries/{D}/retry", null, Unauthorised, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound]),
        // Workflow repair: without a reason nothing changes (422), so the admin's "ok" leaves the dossier as it was.
        ("GET", "/api/v1/admin/incidents?status=Open", null, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/incidents/{I}", null, Unauthorised, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound]),
        ("POST", "/api/v1/admin/incidents/{I}/retry", new { }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/incidents/{I}/resolve", new { }, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/instances/{I}", null, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/instances/{I}/suspend", new { }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/instances/{I}/resume", new { }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/instances/{I}/move", new { toStepId = "review" }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/work-items/{W}/cancel", new { }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/work-items/{W}/reopen", new { }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/timers/{I}/retry", new { }, Unauthorised, AdminOnly),
        ("GET", "/api/v1/admin/outbox/parked", null, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/outbox/parked/{I}/replay", new { }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/outbox/parked/{I}/discard", new { }, Unauthorised, AdminOnly),
        // Parked SLA subjects: an empty retry is refused (422), so does a dismissal without a reason; no subject {I} is parked (404).
        ("GET", "/api/v1/admin/sla/parked", null, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/sla/parked/retry", new { }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/sla/parked/{I}/retry", null, Unauthorised, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound]),
        ("POST", "/api/v1/admin/sla/parked/{I}/dismiss", new { }, Unauthorised, AdminOnly),
        // Version migration: the same version twice is refused (422) before anything is read or moved.
        ("POST", "/api/v1/admin/definitions/household-business-registration/migrations/plan", new { fromVersion = 1, toVersion = 1 }, Unauthorised, AdminOnly),
        ("POST", "/api/v1/admin/definitions/household-business-registration/migrations", new { fromVersion = 1, toVersion = 1, reason = "Ma trận" }, Unauthorised, AdminOnly),
        ("GET", "/api/v1/statistics/figures?unitId={commune}&" + Period, null, Unauthorised, CommuneRollUp),
        ("GET", "/api/v1/statistics/figures?unitId={shop}&groupBy=Procedure&" + Period, null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/statistics/dossiers?unitId={commune}&figure=Received&" + Period, null, Unauthorised, CommuneRollUp),
        ("GET", "/api/v1/statistics/service-index?unitId={commune}&" + Period, null, Unauthorised, CommuneRollUp),
        ("GET", "/api/v1/statistics/ratings?unitId={shop}&" + Period, null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/reports/iso?unitId={commune}&kind=HalfYear&year=2025", null, Unauthorised, CommuneRollUp),
        ("GET", "/api/v1/reports/iso/{shop}/HalfYear/2025", null, Unauthorised, ShopReaders),
        ("PUT", "/api/v1/reports/iso/{shop}/HalfYear/2025/draft", new { assessment = "Ma trận" }, Unauthorised, ShopKeepers),
        ("POST", "/api/v1/reports/iso/{shop}/Year/2025/submission", new { }, Unauthorised, ShopKeepers),
        ("GET", "/api/v1/reports/iso/{commune}/HalfYear/2025/consolidated", null, Unauthorised, CommuneRollUp),
        ("GET", "/api/v1/reports/iso/{commune}/HalfYear/2025/consolidated.xlsx", null, Unauthorised, CommuneRollUp),
        ("GET", "/api/v1/reports/iso/{shop}/HalfYear/2025/consolidated.pdf", null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/reports/register?unitId={shop}&" + Period, null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/reports/register.xlsx?unitId={commune}&" + Period, null, Unauthorised, CommuneRollUp),
        ("GET", "/api/v1/reports/register.pdf?unitId={shop}&" + Period, null, Unauthorised, ShopReaders),
        ("PUT", "/api/v1/quality/policy/{shop}", new { text = "Ma trận", approvedBy = "Ma trận", approvedOn = "2025-01-02" }, Unauthorised, ShopKeepers),
        ("POST", "/api/v1/quality/objectives", new { unitId = "{shop}", year = 2025, title = "Ma trận", measure = "OnTimeRate", target = 0.95 }, Unauthorised, ShopKeepers),
        ("GET", "/api/v1/quality/objectives?unitId={shop}&year=2025", null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/quality/objectives.xlsx?unitId={commune}&year=2025", null, Unauthorised, CommuneRollUp),
        ("POST", "/api/v1/quality/documents", new { unitId = "{shop}", code = "MT-01", title = "Ma trận", kind = "Procedure", version = "1", effectiveFrom = "2025-01-02", approvedBy = "Ma trận" }, Unauthorised, ShopKeepers),
        ("GET", "/api/v1/quality/documents?unitId={shop}", null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/quality/documents.xlsx?unitId={shop}", null, Unauthorised, ShopReaders),
        ("POST", "/api/v1/quality/audits", new { unitId = "{shop}", title = "Ma trận", scope = "Một cửa", plannedOn = "2025-03-02", auditors = "Ma trận" }, Unauthorised, ShopKeepers),
        ("GET", "/api/v1/quality/audits?unitId={shop}", null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/quality/audits.xlsx?unitId={commune}", null, Unauthorised, CommuneRollUp),
        ("POST", "/api/v1/quality/audits/{audit}/findings", new { clause = "8.5", description = "Ma trận", kind = "Observation" }, Unauthorised, ShopKeepers),
        ("POST", "/api/v1/quality/audits/{audit}/completion", new { doneOn = "2025-03-03", summary = "Ma trận" }, Unauthorised, ShopKeepers),
        ("POST", "/api/v1/quality/nonconformities", new { unitId = "{shop}", source = "Complaint", description = "Ma trận" }, Unauthorised, ShopKeepers),
        ("POST", "/api/v1/quality/nonconformities/from-overdue-dossiers", new { unitId = "{shop}", from = "2025-01-01", to = "2025-01-31" }, Unauthorised, ShopKeepers),
        ("GET", "/api/v1/quality/nonconformities?unitId={shop}", null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/quality/nonconformities.xlsx?unitId={shop}", null, Unauthorised, ShopReaders),
        ("POST", "/api/v1/quality/nonconformities/{nc}/corrective-action", new { cause = "Ma trận", correctiveAction = "Ma trận", owner = "ys.clerk", dueOn = "2030-01-02" }, Unauthorised, ShopKeepers),
        ("POST", "/api/v1/quality/nonconformities/{nc}/verification", new { effective = true, note = "Ma trận" }, Unauthorised, ShopKeepers),
        ("POST", "/api/v1/quality/nonconformities/{nc}/closure", new { }, Unauthorised, ShopKeepers),
        ("POST", "/api/v1/quality/management-reviews", new { unitId = "{shop}", heldOn = "2025-06-02", chair = "Ma trận", participants = "Ma trận", inputs = "Ma trận", decisions = "Ma trận" }, Unauthorised, ShopKeepers),
        ("GET", "/api/v1/quality/management-reviews?unitId={commune}", null, Unauthorised, CommuneRollUp),
        ("GET", "/api/v1/quality/management-reviews.xlsx?unitId={shop}", null, Unauthorised, ShopReaders),
        ("GET", "/api/v1/integration/dossiers/changes?since=2020-01-01T00:00:00Z", null, Unauthorised, Nobody),
        // Not a matter of accounts: the caller's address decides (this machine here; other networks in When_metrics_are_scraped).
        ("GET", "/metrics", null, Ok, Everyone),
    ];

    private static readonly Dictionary<string, string> Users = new()
    {
        ["citizenA"] = DemoAccounts.CitizenA, ["citizenB"] = DemoAccounts.CitizenB, ["clerkX"] = "ys.clerk", ["clerkY"] = "hy.clerk",
        ["leader"] = "ys.leader", ["admin"] = "admin",
    };

    private SampleApi _api = null!;
    private Dictionary<string, string> _values = null!;

    [OneTimeSetUp]
    public async Task Prepare()
    {
        _api = await SampleApi.InstanceAsync();
        var (dossier, code) = await Dossiers.ReceiveAsync(_api, "Đỗ Văn Ma Trận", "0911225678");
        var clerk = await _api.As("ys.clerk");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.7\nma tran\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "scan.pdf");
        var attachment = (await (await clerk.PostAsync($"/api/v1/dossiers/{dossier}/attachments", form)).Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var submission = await Citizen.SubmitAsync(_api, await _api.As(DemoAccounts.CitizenA));
        var (procedure, _) = await _api.ProcedureAsync(Dossiers.Procedure);
        var shop = await _api.UnitAsync(Dossiers.Shop);
        var leader = await _api.As("ys.leader");
        var audit = (await (await leader.Post("/api/v1/quality/audits", new { unitId = shop, title = "Đánh giá ma trận", scope = "Một cửa", plannedOn = "2025-03-02", auditors = "Đoàn đánh giá" }))
            .Expect(HttpStatusCode.OK)).GetProperty("id").GetString()!;
        var nonconformity = (await (await leader.Post("/api/v1/quality/nonconformities", new { unitId = shop, source = "Complaint", description = "Phiếu ma trận" }))
            .Expect(HttpStatusCode.OK)).GetProperty("id").GetString()!;
        var instance = await WorkflowIncidents.InstanceOfAsync(_api, dossier);
        var workflow = await (await (await _api.As("admin")).GetAsync($"/api/v1/admin/instances/{instance}")).Expect(HttpStatusCode.OK);
        _values = new()
        {
            ["{I}"] = instance.ToString(), ["{W}"] = workflow.GetProperty("workflow").GetProperty("openWorkItems")[0].GetProperty("id").GetString()!,
            ["{D}"] = dossier.ToString(), ["{code}"] = code, ["{A}"] = attachment, ["{S}"] = submission.ToString(), ["{procedure}"] = procedure.ToString(),
            ["{commune}"] = (await _api.UnitAsync("000.01.31.H29")).ToString(), ["{province}"] = (await _api.UnitAsync("000.00.00.H29")).ToString(),
            ["{shop}"] = shop.ToString(), ["{audit}"] = audit, ["{nc}"] = nonconformity,
        };
    }

    public static IEnumerable<TestCaseData> Cases() =>
        from row in Matrix
        from index in Enumerable.Range(0, Roles.Length)
        let expected = index == 0 ? row.Anonymous : row.Others[index - 1]
        select new TestCaseData(row.Method, row.Url, row.Body, Roles[index], expected).SetName($"{row.Method} {row.Url} as {Roles[index]} is {expected}");

    [TestCaseSource(nameof(Cases))]
    public async Task Should_answer_as_the_matrix_says(string method, string url, object? body, string role, string expected)
    {
        var client = role == "anonymous" ? _api.Anonymous() : await _api.As(Users[role]);
        var response = await client.Send(new HttpMethod(method), Fill(url), body is null ? null : Fill(body), method == "POST" && url.Contains("{D}") || url.Contains("{S}") && method == "POST" ? "\"999\"" : null);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (expected == Ok) status.ShouldBeOneOf([200, 201, 202, 204, 409, 412, 422], text);
        else status.ToString().ShouldBe(expected, text);
        if (status >= 400) response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    private string Fill(string text) => _values.Aggregate(text, (t, kv) => t.Replace(kv.Key, kv.Value));

    private object Fill(object body) => System.Text.Json.JsonDocument.Parse(Fill(System.Text.Json.JsonSerializer.Serialize(body))).RootElement.Clone();
}

using Api.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sample;

/// <summary>
/// Every API endpoint is audited, or listed here as one that reads no personal data. A new endpoint that is neither fails
/// this test, so nobody adds a register, an export or a PDF with names on it without its audit row.
/// </summary>
public sealed class When_endpoints_are_classified_for_the_audit
{
    private const string Definitions = "workflow definitions: steps, roles and forms, no one's data";
    private const string Aggregate = "counts and rates per unit, procedure or period: no person can be told apart";
    private const string Own = "the caller's own account or dossiers, which only they see";
    private const string QualityRecords = "the unit's ISO quality records (objectives, audits, reviews, documents): work records, no citizen's data";

    /// <summary>Endpoints that return no personal data, or only the caller's own, and change nothing; with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoPersonalData = new Dictionary<string, string>
    {
        ["GET /api/v1/admin/calendar/{year:int}"] = "the working-day calendar",
        ["GET /api/v1/admin/calendar/rules"] = "the province's calendar rules: a cut-off hour and a year",
        ["GET /api/v1/admin/catalogue/procedures/{id:guid}"] = "a procedure of the catalogue",
        ["GET /api/v1/admin/dossier-rules/"] = "the agency's dossier time rules: four numbers of working days",
        ["GET /api/v1/admin/definitions/"] = Definitions,
        ["GET /api/v1/admin/definitions/{definitionId}"] = Definitions,
        ["GET /api/v1/admin/definitions/{definitionId}/diff"] = Definitions,
        ["GET /api/v1/admin/definitions/{definitionId}/problems"] = Definitions,
        ["GET /api/v1/admin/incidents/"] = "workflow incidents: dossier codes, steps, units and errors, no names",
        ["GET /api/v1/admin/incidents/{id:guid}"] = "one workflow incident: dossier code, step, unit and error, no names",
        ["GET /api/v1/admin/templates/"] = "message templates with placeholders",
        ["GET /api/v1/admin/templates/events"] = "the events and placeholders a template may use",
        ["GET /api/v1/admin/templates/{eventName}/{channel}/{locale}/history"] = "versions of a message template",
        ["POST /api/v1/admin/templates/preview"] = "a template filled with sample data",
        ["GET /api/v1/admin/unit-types"] = "the kinds of unit",
        ["GET /api/v1/admin/units/{id:guid}/tree"] = "units and their codes, no officials",
        ["GET /api/v1/catalogue/procedures"] = "the public catalogue",
        ["GET /api/v1/catalogue/procedures/by-code/{code}"] = "the public catalogue",
        ["GET /api/v1/catalogue/procedures/{id:guid}/documents/{documentId:guid}/template"] = "a blank form of the public catalogue",
        ["GET /api/v1/catalogue/procedures/{id:guid}"] = "the public catalogue",
        ["GET /api/v1/catalogue/sectors"] = "the public catalogue",
        ["GET /api/v1/citizen/dossiers"] = Own,
        ["GET /api/v1/citizen/dossiers/{id:guid}/rating"] = Own,
        ["GET /api/v1/citizen/feedback"] = Own,
        ["GET /api/v1/citizen/questions"] = Own,
        ["GET /api/v1/me/"] = Own,
        ["GET /api/v1/me/two-factor/"] = Own,
        ["GET /api/v1/notifications/"] = Own,
        ["GET /api/v1/notifications/unread-count"] = Own,
        ["POST /api/v1/notifications/read"] = "marks the caller's own notifications read: nobody else's data, nothing an auditor looks for",
        ["GET /api/v1/public/questions"] = "published answers, without the asker's name or contact",
        ["GET /api/v1/public/rating-indicators"] = "the nine rating criteria",
        ["POST /api/v1/public/tracking"] = "public tracking by code: status and dates, no personal data (tested)",
        ["POST /api/v1/public/verify/"] = "public check of a signed PDF: validity, the signer's name, title and unit as printed on the document, the dossier code; nothing stored (tested)",
        ["GET /api/v1/public/verify/{resultId:guid}"] = "the QR link of a signed result: the same public facts as printed on it (tested)",
        ["GET /api/v1/quality/audits.xlsx"] = QualityRecords,
        ["GET /api/v1/quality/audits/"] = QualityRecords,
        ["GET /api/v1/quality/documents"] = QualityRecords,
        ["GET /api/v1/quality/documents.xlsx"] = QualityRecords,
        ["GET /api/v1/quality/management-reviews.xlsx"] = QualityRecords,
        ["GET /api/v1/quality/management-reviews/"] = QualityRecords,
        ["GET /api/v1/quality/nonconformities.xlsx"] = QualityRecords,
        ["GET /api/v1/quality/nonconformities/"] = QualityRecords,
        ["GET /api/v1/quality/objectives"] = QualityRecords,
        ["GET /api/v1/quality/objectives.xlsx"] = QualityRecords,
        ["GET /api/v1/ratings/summary"] = Aggregate,
        ["GET /api/v1/reports/iso"] = Aggregate,
        ["GET /api/v1/reports/iso/{unitId:guid}/{kind}/{year:int}/"] = Aggregate,
        ["GET /api/v1/reports/iso/{unitId:guid}/{kind}/{year:int}/consolidated"] = Aggregate,
        ["GET /api/v1/reports/iso/{unitId:guid}/{kind}/{year:int}/consolidated.pdf"] = Aggregate,
        ["GET /api/v1/reports/iso/{unitId:guid}/{kind}/{year:int}/consolidated.xlsx"] = Aggregate,
        ["GET /api/v1/statistics/figures"] = Aggregate,
        ["GET /api/v1/statistics/ratings"] = Aggregate,
        ["GET /api/v1/statistics/service-index"] = Aggregate,
        ["GET /api/v1/system/info"] = "the running version",
        ["POST /ui/ngon-ngu/{culture}"] = "switches the page language (a cookie, nobody's data)",
    };

    /// <summary>Endpoints whose handler writes its own audit row (with the login tried, which the route does not carry).</summary>
    public static readonly IReadOnlySet<string> AuditedByTheirHandler = new HashSet<string>
    {
        "POST /api/v1/auth/sign-in", "POST /api/v1/auth/token",
    };

    [Test]
    public void Should_let_only_reads_pass_unaudited()
    {
        var changes = NoPersonalData.Keys.Where(k => !k.StartsWith("GET ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        changes.ShouldBe(["POST /api/v1/admin/templates/preview", "POST /api/v1/notifications/read", "POST /api/v1/public/tracking", "POST /api/v1/public/verify/", "POST /ui/ngon-ngu/{culture}"],
            "a preview, a read mark of one's own notifications, the public tracking, the public signature check and the language switch are the only unaudited non-GET endpoints");
    }

    [Test]
    public async Task Should_audit_every_endpoint_that_is_not_listed_as_free_of_personal_data()
    {
        var api = await SampleApi.InstanceAsync();
        var endpoints = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && (route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/ui/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Key: $"{m} {e.RoutePattern.RawText}", Endpoint: e)))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(100);

        var unaudited = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<AuditAction>() is null && !NoPersonalData.ContainsKey(e.Key) && !AuditedByTheirHandler.Contains(e.Key))
            .Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        unaudited.ShouldBeEmpty("endpoints neither audited nor listed as free of personal data:\n" + string.Join("\n", unaudited));
        var stale = NoPersonalData.Keys.Concat(AuditedByTheirHandler).Except(endpoints.Select(e => e.Key)).ToList();
        stale.ShouldBeEmpty("listed endpoints that no longer exist");
        var both = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<AuditAction>() is not null && NoPersonalData.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        both.ShouldBeEmpty("audited endpoints listed as free of personal data");
    }
}

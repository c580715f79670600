using System.Text;
using Api.Accounts;
using Api.Audit;
using Api.Problems;
using Engine.Definitions;
using Engine.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Admin;

/// <summary>
/// Workflow definitions (ISO processes): upload a YAML draft, validate, compare, publish, retire. System administrators all; ISO
/// officers drafts, reads and publishing of their unit's procedures' workflows (<see cref="WorkflowDesignRights"/>).
/// </summary>
public static class DefinitionAdminEndpoints
{
    public const long MaxYaml = 512 * 1024;

    public static void Map(RouteGroupBuilder admin)
    {
        // ISO officers come in too; each endpoint then checks the workflow against WorkflowDesignRights (403 for another unit's).
        var definitions = admin.MapGroup("/definitions").WithTags("Admin: workflow definitions").RequireAuthorization(Policies.WorkflowDesigner);
        definitions.MapGet("/", (DefinitionStore store, CancellationToken ct, string? definitionId = null) => store.VersionsAsync(definitionId, ct))
            .RequireAuthorization(Policies.SystemAdministrator).WithName("DefinitionVersions").WithSummary("Các phiên bản quy trình");
        definitions.MapPost("/drafts", SaveDraftAsync).Audited("definition.draft", "definition").DisableAntiforgery()
            .Accepts<string>("application/yaml", "text/yaml", "text/plain")
            .WithName("UploadDefinitionDraft").WithSummary("Tải lên bản nháp quy trình (YAML)")
            .WithDescription("The YAML body becomes the draft of the next version (replacing an existing draft). Parse problems answer 422 with their paths. "
                + "An ISO officer may save drafts of the workflows of their unit's procedures and of new workflows.").AdminProblems();
        definitions.MapGet("/{definitionId}", async (string definitionId, HttpContext http, DefinitionStore store, int? version) =>
                await DeniedAsync(http, definitionId) is { } denied ? (IResult)denied
                : await store.GetAsync(definitionId, version, http.RequestAborted) is { } d ? Results.Ok(d) : Problem.NotFound(http, "definition", "quy trình"))
            .WithName("GetDefinition").WithSummary("Nội dung quy trình").Produces<WorkflowDefinition>().ProducesProblem(403).ProducesProblem(404);
        definitions.MapGet("/{definitionId}/problems", async (string definitionId, HttpContext http, DefinitionStore store, int? version) =>
                await GuardedAsync(http, definitionId, () => store.ValidateAsync(definitionId, version, http.RequestAborted)))
            .WithName("ValidateDefinition").WithSummary("Kiểm tra quy trình (liệt kê mọi lỗi)").AdminProblems();
        definitions.MapGet("/{definitionId}/diff", async (string definitionId, HttpContext http, DefinitionStore store, int? from, int? to) =>
                await GuardedAsync(http, definitionId, () => store.DiffAsync(definitionId, from, to, http.RequestAborted)))
            .WithName("DiffDefinition").WithSummary("So sánh bản nháp với bản đang áp dụng").AdminProblems();
        definitions.MapPost("/{definitionId}/publish", async (string definitionId, HttpContext http, DefinitionStore store) =>
                await GuardedAsync(http, definitionId, () => store.PublishAsync(definitionId, CurrentUser.Of(http).Name, http.RequestAborted)))
            .Audited("definition.publish", "definition").WithName("PublishDefinition").WithSummary("Ban hành phiên bản mới").AdminProblems();
        definitions.MapPost("/{definitionId}/retire", async (string definitionId, HttpContext http, DefinitionStore store) =>
                Map(http, await store.RetireAsync(definitionId, http.RequestAborted)))
            .RequireAuthorization(Policies.SystemAdministrator)
            .Audited("definition.retire", "definition").WithName("RetireDefinition").WithSummary("Ngừng áp dụng quy trình (hồ sơ đang chạy vẫn tiếp tục)").AdminProblems();
        definitions.MapDelete("/{definitionId}/draft", async (string definitionId, HttpContext http, DefinitionStore store) =>
                await GuardedAsync(http, definitionId, () => store.DiscardDraftAsync(definitionId, http.RequestAborted)))
            .Audited("definition.discard", "definition").WithName("DiscardDefinitionDraft").WithSummary("Hủy bản nháp").AdminProblems();
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> GuardedAsync<T>(HttpContext http, string definitionId, Func<Task<EngineResult<T>>> work) =>
        await DeniedAsync(http, definitionId) is { } denied ? denied : Map(http, await work());

    /// <summary>A 403 ProblemDetails when the caller may not design <paramref name="definitionId"/> (<see cref="WorkflowDesignRights"/>), else null.</summary>
    private static async Task<ProblemHttpResult?> DeniedAsync(HttpContext http, string definitionId)
    {
        var acting = await AdminActor.ActingAsync(http);
        if (acting.Error is { } notOfficial) return Problem.From(http, notOfficial);
        var db = http.RequestServices.GetRequiredService<ProceduresDb>();
        return await WorkflowDesignRights.CheckAsync(db, acting.Value!, definitionId, http.RequestAborted) is { } error ? Problem.From(http, error) : null;
    }

    private static async Task<Results<Ok<DefinitionVersionInfo>, ProblemHttpResult>> SaveDraftAsync(HttpContext http, DefinitionStore store)
    {
        if (http.Request.ContentLength > MaxYaml) return Problem.Make(http, 413, "too-large", Titles.Detail(http, 413));
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxYaml + 1];
        var length = await reader.ReadBlockAsync(buffer, http.RequestAborted);
        if (length > MaxYaml) return Problem.Make(http, 413, "too-large", Titles.Detail(http, 413));
        var yaml = new string(buffer, 0, length);
        if (string.IsNullOrWhiteSpace(yaml)) return Problem.Invalid(http, "body", "required", "Thiếu nội dung YAML.", "The YAML body is required.");
        if (DefinitionYaml.Parse(yaml).Definition?.Id is { Length: > 0 } id && await DeniedAsync(http, id) is { } denied) return denied;
        return Map(http, await store.SaveDraftAsync(yaml, CurrentUser.Of(http).Name, http.RequestAborted));
    }

    private static Results<Ok<T>, ProblemHttpResult> Map<T>(HttpContext http, EngineResult<T> result) =>
        result.Error is { } error ? Problem.From(http, DomainError.FromEngine(error) with { MessageVi = error.Message }) : TypedResults.Ok(result.Value!);
}

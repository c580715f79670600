using System.Text;
using Api.Accounts;
using Api.Audit;
using Api.Problems;
using Engine.Definitions;
using Engine.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Common;

namespace Api.Admin;

/// <summary>Workflow definitions (ISO processes): upload a YAML draft, validate, compare, publish, retire. System administrators.</summary>
public static class DefinitionAdminEndpoints
{
    public const long MaxYaml = 512 * 1024;

    public static void Map(RouteGroupBuilder admin)
    {
        var definitions = admin.MapGroup("/definitions").WithTags("Admin: workflow definitions").RequireAuthorization(Policies.SystemAdministrator);
        definitions.MapGet("/", (DefinitionStore store, CancellationToken ct, string? definitionId = null) => store.VersionsAsync(definitionId, ct))
            .WithName("DefinitionVersions").WithSummary("Các phiên bản quy trình");
        definitions.MapPost("/drafts", SaveDraftAsync).Audited("definition.draft", "definition").DisableAntiforgery()
            .Accepts<string>("application/yaml", "text/yaml", "text/plain")
            .WithName("UploadDefinitionDraft").WithSummary("Tải lên bản nháp quy trình (YAML)")
            .WithDescription("The YAML body becomes the draft of the next version (replacing an existing draft). Parse problems answer 422 with their paths.").AdminProblems();
        definitions.MapGet("/{definitionId}", async (string definitionId, HttpContext http, DefinitionStore store, int? version) =>
                await store.GetAsync(definitionId, version, http.RequestAborted) is { } d ? Results.Ok(d) : Problem.NotFound(http, "definition", "quy trình"))
            .WithName("GetDefinition").WithSummary("Nội dung quy trình").Produces<WorkflowDefinition>().ProducesProblem(404);
        definitions.MapGet("/{definitionId}/problems", async (string definitionId, HttpContext http, DefinitionStore store, int? version) =>
                Map(http, await store.ValidateAsync(definitionId, version, http.RequestAborted)))
            .WithName("ValidateDefinition").WithSummary("Kiểm tra quy trình (liệt kê mọi lỗi)").AdminProblems();
        definitions.MapGet("/{definitionId}/diff", async (string definitionId, HttpContext http, DefinitionStore store, int? from, int? to) =>
                Map(http, await store.DiffAsync(definitionId, from, to, http.RequestAborted)))
            .WithName("DiffDefinition").WithSummary("So sánh bản nháp với bản đang áp dụng").AdminProblems();
        definitions.MapPost("/{definitionId}/publish", async (string definitionId, HttpContext http, DefinitionStore store) =>
                Map(http, await store.PublishAsync(definitionId, CurrentUser.Of(http).Name, http.RequestAborted)))
            .Audited("definition.publish", "definition").WithName("PublishDefinition").WithSummary("Ban hành phiên bản mới").AdminProblems();
        definitions.MapPost("/{definitionId}/retire", async (string definitionId, HttpContext http, DefinitionStore store) =>
                Map(http, await store.RetireAsync(definitionId, http.RequestAborted)))
            .Audited("definition.retire", "definition").WithName("RetireDefinition").WithSummary("Ngừng áp dụng quy trình (hồ sơ đang chạy vẫn tiếp tục)").AdminProblems();
        definitions.MapDelete("/{definitionId}/draft", async (string definitionId, HttpContext http, DefinitionStore store) =>
                Map(http, await store.DiscardDraftAsync(definitionId, http.RequestAborted)))
            .Audited("definition.discard", "definition").WithName("DiscardDefinitionDraft").WithSummary("Hủy bản nháp").AdminProblems();
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
        return Map(http, await store.SaveDraftAsync(yaml, CurrentUser.Of(http).Name, http.RequestAborted));
    }

    private static Results<Ok<T>, ProblemHttpResult> Map<T>(HttpContext http, EngineResult<T> result) =>
        result.Error is { } error ? Problem.From(http, DomainError.FromEngine(error) with { MessageVi = error.Message }) : TypedResults.Ok(result.Value!);
}

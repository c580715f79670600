using Api.Accounts;
using Api.Audit;
using Api.Problems;
using Engine.VersionMigration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin;

/// <summary>
/// Running workflows moved to another published version of their definition: the dry run (what would change for each
/// instance, or why it cannot move; writes nothing and, like the other repair reads, is not audited) and the migration
/// itself, which needs a reason, runs only when the plan has no problem and is audited. System administrators only.
/// </summary>
public static class MigrationAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var migrations = admin.MapGroup("/definitions/{definitionId}/migrations").WithTags("Admin: workflow repair")
            .RequireAuthorization(Policies.SystemAdministrator);
        migrations.MapPost("/plan", async (string definitionId, MigrationBody? body, HttpContext http, DefinitionMigrations m) =>
                Problem.Answer(http, await m.PlanAsync(definitionId, body, CurrentUser.Of(http).Name, http.RequestAborted)))
            .Audited("definition.migration-plan", "definition").WithName("PlanDefinitionMigration").WithSummary("Xem trước việc chuyển hồ sơ đang chạy sang phiên bản khác của quy trình (không ghi gì)")
            .WithDescription("Body: fromVersion, toVersion, stepMapping (old step id → new step id) for renamed or replaced steps, instanceIds (none: every " +
                "running and suspended instance of fromVersion). Answers the mapping as applied, every problem at its path and, per instance, what would change.")
            .AdminProblems();
        migrations.MapPost("", MigrateAsync).Audited("definition.migrate", "definition")
            .WithName("MigrateDefinitionInstances").WithSummary("Chuyển hồ sơ đang chạy sang phiên bản khác của quy trình (nêu lý do)")
            .WithDescription("Same body as the plan, with a reason. Refused (422, every problem under errors by its path) while the plan has problems; " +
                "otherwise each instance moves in its own transaction and the report says which moved, were refused or needed nothing.")
            .AdminProblems();
    }

    private static async Task<Results<Ok<MigrationReport>, ProblemHttpResult>> MigrateAsync(string definitionId, MigrationBody? body, HttpContext http,
        DefinitionMigrations m)
    {
        http.AuditResource(definitionId);
        var run = await m.MigrateAsync(definitionId, body, CurrentUser.Of(http).Name, http.RequestAborted);
        if (run.Result.Error is not { } error) return TypedResults.Ok(run.Result.Value!);
        if (run.Problems.Count == 0) return Problem.From(http, error);
        var errors = run.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).Distinct().ToArray());
        return Problem.Make(http, StatusCodes.Status422UnprocessableEntity, error.Code, Language.Pick(http, error.MessageVi, error.MessageEn), error.Field, errors);
    }
}

using Engine.Definitions;
using Engine.VersionMigration;
using Procedures.Common;
using Procedures.Dossiers;

namespace Api.Admin;

/// <summary>What an operator asks of a migration: the two versions, renamed or replaced steps, the instances (none: all), why.</summary>
public sealed record MigrationBody(int? FromVersion, int? ToVersion, Dictionary<string, string>? StepMapping = null, List<Guid>? InstanceIds = null,
    string? Reason = null);

/// <summary>A migration's answer: the report, or the refusal and (when the plan had them) every problem by its path.</summary>
public sealed record MigrationRun(DomainResult<MigrationReport> Result, IReadOnlyList<MigrationProblem> Problems);

/// <summary>
/// Running instances moved to another published version of their definition, for the endpoints and the page alike: the
/// request's own faults named by field in Vietnamese and English, the engine's dry run and migration, and then the dossiers'
/// history told which of their workflows moved. The engine moves each instance in a transaction of its own and takes no
/// caller's transaction, so the dossier rows follow the engine's commits; a dossier keeps no copy of the version or step.
/// </summary>
public sealed class DefinitionMigrations(InstanceMigration migration, DefinitionStore definitions, RecordWorkflowMigrationHandler dossiers)
{
    /// <summary>Problems of these paths mean the versions themselves are wrong: there is nothing to plan.</summary>
    private static readonly string[] VersionPaths = ["definitionId", "fromVersion", "toVersion"];

    /// <summary>The dry run: writes nothing. Without a reason it plans all the same (the migration itself will ask for one).</summary>
    public async Task<DomainResult<MigrationPlan>> PlanAsync(string definitionId, MigrationBody? body, string actor, CancellationToken ct = default)
    {
        if (await RequestErrorAsync(definitionId, body, ct) is { } invalid) return invalid;
        var plan = await migration.PlanAsync(Request(definitionId, body!, actor, body!.Reason ?? ""), ct);
        if (plan.Error is { } error) return DomainError.FromEngine(error) with { MessageVi = error.Message };
        var problems = plan.Value!.Problems.Where(p => p.Path != "reason").ToList();
        if (VersionError(problems) is { } wrongVersions) return wrongVersions;
        return plan.Value with { Problems = problems };
    }

    /// <summary>Moves the instances when the plan has no problem; otherwise refuses (422) with every problem and moves nothing.</summary>
    public async Task<MigrationRun> MigrateAsync(string definitionId, MigrationBody? body, string actor, CancellationToken ct = default)
    {
        if (await RequestErrorAsync(definitionId, body, ct) is { } invalid) return new(invalid, []);
        if (WorkflowRepairRules.Reason(body!.Reason) is { } noReason) return new(noReason, []);
        var request = Request(definitionId, body, actor, body.Reason!.Trim());
        var migrated = await migration.MigrateAsync(request, ct);
        if (migrated.Error is { } error)
        {
            // The refusal names the first problem only; the plan lists them all, each at its path.
            var problems = (await migration.PlanAsync(request, ct)).Value?.Problems ?? [];
            if (VersionError(problems) is { } wrongVersions) return new(wrongVersions, problems);
            return new(problems.Count == 0 ? DomainError.FromEngine(error) with { MessageVi = error.Message } : Refused(problems), problems);
        }
        var report = migrated.Value!;
        await dossiers.HandleAsync(new RecordWorkflowMigration(actor, request.Reason, report.FromVersion, report.ToVersion,
            report.Instances.Where(i => i.Outcome == MigrationOutcome.Moved).ToList()), ct);
        return new(report, []);
    }

    private async Task<DomainError?> RequestErrorAsync(string definitionId, MigrationBody? body, CancellationToken ct)
    {
        if (body?.FromVersion is null)
            return DomainError.Invalid("fromVersion", "required", "Chọn phiên bản mà các hồ sơ đang chạy (fromVersion).", "The version the instances are on (fromVersion) is required.");
        if (body.ToVersion is null)
            return DomainError.Invalid("toVersion", "required", "Chọn phiên bản cần chuyển đến (toVersion).", "The version to move the instances to (toVersion) is required.");
        if (body.InstanceIds is { Count: 0 })
            return DomainError.Invalid("instanceIds", "empty", "Chọn ít nhất một hồ sơ, hoặc bỏ trống instanceIds để chuyển mọi hồ sơ đang chạy của phiên bản.",
                "Name at least one instance, or leave instanceIds out to move every running and suspended instance of the version.");
        if (body.Reason?.Trim().Length > WorkflowRepairRules.ReasonMaxLength) return WorkflowRepairRules.Reason(body.Reason);
        if ((await definitions.VersionsAsync(definitionId, ct)).Count == 0)
            return DomainError.NotFound("workflow definition", "quy trình") with { Field = "definitionId" };
        return null;
    }

    private static MigrationRequest Request(string definitionId, MigrationBody body, string actor, string reason) =>
        new(definitionId, body.FromVersion!.Value, body.ToVersion!.Value, body.StepMapping, body.InstanceIds, actor, reason);

    private static DomainError? VersionError(IReadOnlyList<MigrationProblem> problems) =>
        problems.FirstOrDefault(p => VersionPaths.Contains(p.Path)) is { } p
            ? DomainError.Invalid(p.Path, "invalid-version", p.Path == "toVersion" && p.Message.Contains("already", StringComparison.Ordinal)
                ? "Phiên bản chuyển đến phải khác phiên bản các hồ sơ đang chạy."
                : $"Phiên bản không hợp lệ ({p.Path}): chỉ chuyển giữa hai phiên bản đã ban hành của quy trình.", p.Message)
            : null;

    private static DomainError Refused(IReadOnlyList<MigrationProblem> problems) => DomainError.Invalid(problems[0].Path, "migration-problems",
        $"Chưa thể chuyển phiên bản: còn {problems.Count} vấn đề (xem từng mục theo đường dẫn); không hồ sơ nào bị chuyển.",
        $"The migration cannot run: {problems.Count} problem(s), listed by path; nothing moved.");
}

using System.Text.Json.Nodes;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// Chỉ đạo thực hiện: a leader or deputy of the processing unit directs a dossier to one of the unit's sections or to a specialist,
/// with instructions and an optional due time. Directing again re-directs: the earlier direction is superseded.
/// </summary>
public sealed record DirectDossier(Guid DossierId, string Actor, Guid? SectionId, string? Specialist, string Instructions, DateTimeOffset? DueAt = null, int? ExpectedRevision = null);

/// <summary>
/// Where the dossier stands decides the move. At the <c>assign</c> step: to a specialist, the step is taken with them (as the
/// section head would); to a section, the dossier is routed to it and its section head assigns. At a specialist's step: to a
/// specialist, the step is handed to them; to a section, it goes back to the queue of that section's specialists. Elsewhere
/// (reception, supplement, review, signature, finished) there is nothing to direct: Invalid <c>action</c>.
/// </summary>
public sealed class DirectDossierHandler(DossierUseCase useCase)
{
    public const int InstructionsLength = 2000;

    public static DomainError NotLeader { get; } = DomainError.Forbidden(
        "Chỉ lãnh đạo, cấp phó của đơn vị xử lý hồ sơ được chỉ đạo thực hiện.", "Only a leader or deputy of the dossier's processing unit may direct it.");

    public async Task<DomainResult<DossierState>> HandleAsync(DirectDossier request, CancellationToken ct = default)
    {
        if (Check(request) is { } invalid) return invalid;
        var caller = await useCase.Officials.FindAsync(request.Actor ?? "", ct);
        if (caller is null || !caller.Memberships.Any(m => m.Roles.Contains(Role.UnitLeader) || m.Roles.Contains(Role.DeputyLeader))) return NotLeader;
        return await useCase.RunForLeaderAsync(request.DossierId, request.Actor!, NotLeader, request.ExpectedRevision, work => ActAsync(work, request, ct), ct);
    }

    private async Task<DomainError?> ActAsync(DossierWork work, DirectDossier request, CancellationToken ct)
    {
        var dossier = work.Dossier;
        var unit = dossier.ProcessingUnitId;
        if (!work.Actor.HasRole(Role.UnitLeader, unit)) return NotLeader;
        if (request.DueAt is { } due && dossier.AppointmentAt is { } appointment && due > appointment)
            return DomainError.Invalid("dueAt", "after-appointment", "Thời hạn chỉ đạo không được sau ngày hẹn trả kết quả của hồ sơ.",
                "The direction's due time may not be after the dossier's appointment.");

        Actor? specialist = null;
        if (request.SectionId is { } sectionId)
        {
            if (!await useCase.Db.Units.AnyAsync(u => u.Id == sectionId && u.ParentId == unit && u.TypeCode == DefaultUnitTypes.Section, ct))
                return DomainError.Invalid("sectionId", "not-a-section", "Phòng, ban được chỉ đạo phải trực thuộc đơn vị xử lý hồ sơ.",
                    "The section directed must be a section of the processing unit.");
        }
        else
        {
            specialist = await work.FindOfficialAsync(request.Specialist!.Trim(), ct);
            if (specialist is null || !specialist.HasRole(Role.Specialist, unit))
                return DomainError.Invalid("specialist", "not-a-specialist", "Người được chỉ đạo không phải chuyên viên của đơn vị xử lý.",
                    "The person directed is not a specialist of the processing unit.");
        }

        var instructions = request.Instructions.Trim();
        var specialistRole = Role.Specialist.ToWorkflowRole();
        var assign = work.OpenItems.FirstOrDefault(w => w.StepId == DossierSteps.Assign && w.Unit == unit);
        var processing = work.OpenItems.FirstOrDefault(w => w.Role == specialistRole && w.Unit == unit);
        var at = assign ?? processing;
        if (at is null)
            return DomainError.Invalid("action", "nothing-to-direct",
                "Hồ sơ không ở bước phân công hoặc xử lý của chuyên viên nên không thể chỉ đạo lúc này.",
                "The dossier is neither at the assignment step nor at a specialist's step, so it cannot be directed now.");

        var id = Guid.CreateVersion7(work.Now);
        TransitionResult? moved = null;
        if (assign is not null && specialist is not null)
        {
            var done = await work.CompleteAsync(useCase.Engine, assign, "assign", instructions, new JsonObject { ["specialist"] = specialist.UserName }, null, ct);
            if (done.Error is { } failed) return failed;
            moved = done.Value;
            work.MarkProcessing();
        }
        else if (processing is not null && assign is null)
        {
            var handed = await useCase.Engine.ReassignAsync(processing.Id, specialist?.UserName, work.Actor.UserName, instructions, work.Transaction, ct);
            if (!handed.Succeeded) return DomainError.FromEngine(handed.Error!);
            await work.ReloadWorkItemsAsync(ct);
        }

        var route = specialist is not null
            ? new DossierRoute(unit, null, specialist.UserName, [specialistRole], DirectionId: id)
            : new DossierRoute(unit, request.SectionId, null, await DossierRoutes.SectionRolesAsync(work.Transaction, request.SectionId!.Value, useCase.Officials.Today, ct),
                DirectionId: id);
        await DossierRoutes.SaveAsync(work.Transaction, dossier.Id, route, work.Now, ct);
        var superseded = await Directions.SaveAsync(work.Transaction, id, dossier.Id, work.Actor.UserName, work.Now, request.SectionId, specialist?.UserName,
            instructions, request.DueAt, ct);

        var sectionName = request.SectionId is { } s ? await useCase.Db.Units.AsNoTracking().Where(u => u.Id == s).Select(u => u.Name).SingleAsync(ct) : null;
        var row = await work.RecordAsync("Directed", at, instructions, new
        {
            direction = id, section = request.SectionId, sectionName, specialist = specialist?.UserName, dueAt = request.DueAt, redirected = superseded > 0,
        }, moved, ct);
        if (specialist is not null) (row.Receiver, row.ReceiverName) = (specialist.UserName, specialist.FullName);
        return null;
    }

    /// <summary>The request's own rules: one target, instructions within their length.</summary>
    public static DomainError? Check(DirectDossier request)
    {
        if ((request.SectionId is null) == string.IsNullOrWhiteSpace(request.Specialist))
            return DomainError.Invalid("sectionId", "target-required", "Chọn một phòng, ban hoặc một chuyên viên được chỉ đạo (chỉ một).",
                "Choose one section or one specialist to direct (only one).");
        if (string.IsNullOrWhiteSpace(request.Instructions))
            return DomainError.Invalid("instructions", "required", "Thiếu ý kiến chỉ đạo.", "The instructions are required.");
        if (request.Instructions.Length > InstructionsLength)
            return DomainError.Invalid("instructions", "too-long", $"Ý kiến chỉ đạo tối đa {InstructionsLength} ký tự.",
                $"The instructions are at most {InstructionsLength} characters.");
        return null;
    }
}

/// <summary>The directions table (its own SQL): one row per direction, the earlier ones of the dossier superseded by the next.</summary>
internal static class Directions
{
    /// <summary>Inserts the direction and supersedes the dossier's current one; how many it superseded.</summary>
    public static async Task<int> SaveAsync(NpgsqlTransaction tx, Guid id, Guid dossierId, string directedBy, DateTimeOffset now, Guid? sectionId,
        string? specialist, string instructions, DateTimeOffset? dueAt, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(tx.Connection, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("UPDATE procedures.directions SET superseded_at = $2, superseded_by = $3 WHERE dossier_id = $1 AND superseded_at IS NULL")
                {
                    Parameters = { new() { Value = dossierId }, new() { Value = now }, new() { Value = id } },
                },
                new NpgsqlBatchCommand("""
                    INSERT INTO procedures.directions (id, dossier_id, directed_by, directed_at, section_id, specialist, instructions, due_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = id }, new() { Value = dossierId }, new() { Value = directedBy }, new() { Value = now },
                        new() { Value = (object?)sectionId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                        new() { Value = (object?)specialist ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                        new() { Value = instructions }, new() { Value = (object?)dueAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.CloseAsync();
        return batch.BatchCommands[0].RecordsAffected;
    }
}

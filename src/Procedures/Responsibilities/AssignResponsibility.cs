using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Responsibilities;

/// <summary>
/// Puts a section of the unit (<paramref name="SectionId"/>) or one of its officials (<paramref name="Official"/>, a user name) in
/// charge of a sector or of one procedure of the unit's dossiers. Exactly one holder and one scope; from today when no start.
/// </summary>
public sealed record AssignResponsibility(Guid UnitId, Guid? SectionId, string? Official, Guid? SectorId, Guid? ProcedureId,
    DateOnly? EffectiveFrom = null, DateOnly? EffectiveTo = null, string? Note = null);

/// <summary>
/// A unit admin of the unit (or above) assigns; one holder per sector or procedure of a unit at any time. The scope's dossiers
/// still waiting unclaimed in a queue follow the new holder in the same transaction (<see cref="RerouteWaitingDossiers"/>).
/// </summary>
public sealed class AssignResponsibilityHandler(ProceduresDb db, TimeProvider clock)
{
    public const int NoteLength = 500;

    public async Task<DomainResult<ResponsibilityView>> HandleAsync(Actor actor, AssignResponsibility request, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckAdministers(unit) is { } denied) return denied;
        var start = request.EffectiveFrom ?? clock.Today();
        if (Check(request, start, clock.Today()) is { } invalid) return invalid;

        Guid? officialId = null;
        if (request.SectionId is { } sectionId)
        {
            if (!await db.Units.AnyAsync(u => u.Id == sectionId && u.ParentId == unit!.Id && u.TypeCode == DefaultUnitTypes.Section, ct))
                return DomainError.Invalid("sectionId", "not-a-section", "Phòng, ban được giao phụ trách phải là phòng, ban trực thuộc đơn vị.",
                    "The section put in charge must be a section of the unit.");
        }
        else
        {
            var userName = request.Official!.Trim();
            // The official works in the unit itself or in one of its sections (or its one-stop shop) on the first day.
            officialId = await (from o in db.Officials
                                join m in db.Memberships on o.Id equals m.OfficialId
                                join u in db.Units on m.UnitId equals u.Id
                                where o.UserName == userName && o.IsActive && (u.Id == unit!.Id || u.ParentId == unit.Id)
                                    && m.EffectiveFrom <= start && (m.EffectiveTo == null || m.EffectiveTo >= start)
                                select (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (officialId is null)
                return DomainError.Invalid("official", "not-in-unit", "Cán bộ được giao phụ trách phải là cán bộ của đơn vị hoặc phòng, ban trực thuộc.",
                    "The official put in charge must work in the unit or one of its sections.");
        }
        if (request.SectorId is { } sector && !await db.Sectors.AnyAsync(s => s.Id == sector, ct))
            return DomainError.NotFound("sector", "lĩnh vực") with { Field = "sectorId" };
        if (request.ProcedureId is { } procedure && !await db.Procedures.AnyAsync(p => p.Id == procedure, ct))
            return DomainError.NotFound("procedure", "thủ tục hành chính") with { Field = "procedureId" };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var npgsql = (NpgsqlTransaction)tx.GetDbTransaction();
        // Two admins assigning the same sector at once would both pass the overlap check: serialise on the unit row.
        await using (var lockUnit = new NpgsqlCommand("SELECT 1 FROM procedures.units WHERE id = $1 FOR UPDATE", npgsql.Connection, npgsql)
                     { Parameters = { new() { Value = unit!.Id } } })
            await lockUnit.ExecuteNonQueryAsync(ct);
        await using (var overlap = new NpgsqlCommand("""
            SELECT count(*) FROM procedures.responsibilities
            WHERE unit_id = $1 AND (sector_id = $2 OR procedure_id = $3) AND effective_from <= $5 AND (effective_to IS NULL OR effective_to >= $4)
            """, npgsql.Connection, npgsql)
            {
                Parameters =
                {
                    new() { Value = unit.Id }, new() { Value = (object?)request.SectorId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid },
                    new() { Value = (object?)request.ProcedureId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid },
                    new() { Value = start }, new() { Value = request.EffectiveTo ?? DateOnly.MaxValue },
                },
            })
            if ((long)(await overlap.ExecuteScalarAsync(ct))! > 0)
                return DomainError.Conflict("overlapping-responsibility",
                    "Lĩnh vực (thủ tục) này đã được giao phụ trách trong khoảng thời gian trùng lặp; hãy kết thúc phân công cũ trước.",
                    "This sector (procedure) is already assigned in an overlapping period; end the earlier assignment first.") with
                    { Field = request.SectorId is null ? "procedureId" : "sectorId" };

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO procedures.responsibilities (id, unit_id, section_id, official_id, sector_id, procedure_id, effective_from, effective_to, note, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, npgsql.Connection, npgsql)
            {
                Parameters =
                {
                    new() { Value = id }, new() { Value = unit.Id }, Uuid(request.SectionId), Uuid(officialId), Uuid(request.SectorId), Uuid(request.ProcedureId),
                    new() { Value = start }, new() { Value = (object?)request.EffectiveTo ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date },
                    new() { Value = (object?)CleanNote(request.Note) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar },
                    new() { Value = actor.UserName }, new() { Value = clock.GetUtcNow() },
                },
            })
            await insert.ExecuteNonQueryAsync(ct);
        // An assignment from a later day moves nothing yet: the dossiers waiting today are not its own until then.
        var today = clock.Today();
        IReadOnlyList<ReroutedDossier> rerouted = start <= today
            ? await RerouteWaitingDossiers.HandleAsync(npgsql, unit.Id, request.SectorId, request.ProcedureId, today, actor.UserName, clock.GetUtcNow(), ct)
            : [];
        var view = await ResponsibilityQueries.FindAsync(npgsql, id, ct);
        await tx.CommitAsync(ct);
        return view! with { Rerouted = rerouted };
    }

    /// <summary>The request's own rules, before anything is read: one holder, one scope, a period that is not in the past.</summary>
    public static DomainError? Check(AssignResponsibility request, DateOnly from, DateOnly today)
    {
        if ((request.SectionId is null) == string.IsNullOrWhiteSpace(request.Official))
            return DomainError.Invalid("sectionId", "holder-required", "Chọn một phòng, ban hoặc một cán bộ được giao phụ trách (chỉ một).",
                "Choose one section or one official to put in charge (only one).");
        if ((request.SectorId is null) == (request.ProcedureId is null))
            return DomainError.Invalid("sectorId", "scope-required", "Chọn một lĩnh vực hoặc một thủ tục được giao phụ trách (chỉ một).",
                "Choose one sector or one procedure to put them in charge of (only one).");
        if (from < today)
            return DomainError.Invalid("effectiveFrom", "in-the-past", "Ngày bắt đầu phụ trách không được trong quá khứ.",
                "The start date may not be in the past.");
        if (request.EffectiveTo < from)
            return DomainError.Invalid("effectiveTo", "bad-period", "Ngày kết thúc trước ngày bắt đầu.", "The end date is before the start date.");
        if (request.Note?.Length > NoteLength)
            return DomainError.Invalid("note", "too-long", $"Ghi chú tối đa {NoteLength} ký tự.", $"The note is at most {NoteLength} characters.");
        return null;
    }

    private static string? CleanNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static NpgsqlParameter Uuid(Guid? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid };
}

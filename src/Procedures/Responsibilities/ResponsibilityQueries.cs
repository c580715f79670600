using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Responsibilities;

/// <summary>The unit's assignments (phân quyền phụ trách); those in effect on <paramref name="On"/> only when it is given.</summary>
public sealed record ListResponsibilities(Guid UnitId, DateOnly? On = null);

/// <summary>Reads of the responsibilities: an official who sees the unit may read them (section heads and leaders plan with them).</summary>
public sealed class ResponsibilityQueries(ProceduresDb db)
{
    public async Task<DomainResult<IReadOnlyList<ResponsibilityView>>> HandleAsync(Actor actor, ListResponsibilities request, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckSees(unit) is { } denied) return denied;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(ResponsibilitySql.Select + """

                WHERE r.unit_id = $1 AND ($2::date IS NULL OR (r.effective_from <= $2 AND (r.effective_to IS NULL OR r.effective_to >= $2)))
                ORDER BY r.effective_to IS NOT NULL, sc.name NULLS LAST, p.name, r.effective_from DESC
                """, connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction)
            {
                Parameters = { new() { Value = unit!.Id }, new() { Value = (object?)request.On ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date } },
            };
            var rows = new List<ResponsibilityView>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(ResponsibilitySql.Read(reader));
            return rows;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    internal static async Task<ResponsibilityView?> FindAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ResponsibilitySql.Select + "\nWHERE r.id = $1", tx.Connection, tx) { Parameters = { new() { Value = id } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ResponsibilitySql.Read(reader) : null;
    }
}

/// <summary>Ends an assignment on <paramref name="EffectiveTo"/> (its last day): from the next day the dossiers go to the unit's queue or a new holder.</summary>
public sealed record EndResponsibility(Guid ResponsibilityId, DateOnly EffectiveTo);

public sealed class EndResponsibilityHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<ResponsibilityView>> HandleAsync(Actor actor, EndResponsibility request, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var npgsql = (NpgsqlTransaction)tx.GetDbTransaction();
        var found = await ResponsibilityQueries.FindAsync(npgsql, request.ResponsibilityId, ct);
        var unit = found is null ? null : await db.Units.AsNoTracking().SingleAsync(u => u.Id == found.UnitId, ct);
        if (found is null || unit is null || !actor.Sees(unit.Path))
            return DomainError.NotFound("responsibility", "phân công phụ trách") with { Field = "responsibilityId" };
        if (!actor.Administers(unit.Path)) return AdminAccess.NotAdmin();
        if (found.EffectiveTo is { } ended && ended <= request.EffectiveTo)
            return DomainError.Conflict("already-ended", "Phân công phụ trách đã kết thúc.", "The assignment has already ended.") with { Field = "responsibilityId" };
        if (request.EffectiveTo < found.EffectiveFrom || request.EffectiveTo < clock.Today().AddDays(-1))
            return DomainError.Invalid("effectiveTo", "bad-end-date", "Ngày kết thúc không được trước hôm qua hoặc trước ngày bắt đầu.",
                "The end date may be neither before yesterday nor before the start date.");
        await using (var update = new NpgsqlCommand("UPDATE procedures.responsibilities SET effective_to = $2 WHERE id = $1", npgsql.Connection, npgsql)
                     { Parameters = { new() { Value = found.Id }, new() { Value = request.EffectiveTo } } })
            await update.ExecuteNonQueryAsync(ct);
        // The waiting dossiers go now where they would go on the first day without it (the unit's queue or a newer holder).
        var dayAfter = request.EffectiveTo.AddDays(1);
        var today = clock.Today();
        IReadOnlyList<ReroutedDossier> rerouted = dayAfter <= today.AddDays(1)
            ? await RerouteWaitingDossiers.HandleAsync(npgsql, found.UnitId, found.SectorId, found.ProcedureId, dayAfter, actor.UserName, clock.GetUtcNow(), ct)
            : [];
        var view = await ResponsibilityQueries.FindAsync(npgsql, found.Id, ct);
        await tx.CommitAsync(ct);
        return view! with { Rerouted = rerouted };
    }
}

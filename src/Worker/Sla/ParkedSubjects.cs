using Engine.Queries;
using Npgsql;
using NpgsqlTypes;
using Procedures.Common;

namespace Worker.Sla;

/// <summary>A subject the sweep parked, as an operator reads it: which dossier, procedure, step and unit, and why.</summary>
public sealed record ParkedSubject(Guid SubjectId, string Kind, Guid? DossierId, Guid? InstanceId, string? DossierCode, string? Procedure, string? Step,
    string? Unit, DateTimeOffset DueAt, string Error, DateTimeOffset ParkedAt);

public sealed record ParkedSubjectPage(IReadOnlyList<ParkedSubject> Items, int Total);

/// <summary>Which parked subjects to retry: the ones named, or every one.</summary>
public sealed record RetryParkedSubjects(IReadOnlyList<Guid>? SubjectIds, bool All = false);

/// <summary>How many subjects were released (retried) or dismissed.</summary>
public sealed record ParkedSubjectsHandled(int Count);

/// <summary>
/// The operator's side of <see cref="SlaParking"/>: the subjects waiting (still open, at the due time they were parked for),
/// newest first; <b>retry</b> removes the parked mark, so the next sweep takes the subject again (and parks it again, with the
/// new error, if it still fails); <b>dismiss</b> replaces the mark with <see cref="Thresholds.Dismissed"/> and the reason, so
/// no sweep alerts the subject for this due time (a new due time is alerted as usual). Parked rows of subjects closed
/// since, or of an earlier due time, are not listed: no sweep would meet them again. Read through the partial index
/// <c>ix_sla_alerts_parked</c>, so the list and its count cost what the parked rows cost, not the alerts.
/// </summary>
public sealed class ParkedSubjects(NpgsqlDataSource dataSource)
{
    public const int ReasonMaxLength = 2000;

    private const string Waiting = $$"""
        FROM notifications.sla_alerts a
        LEFT JOIN {{EngineReadModel.WorkItems}} w ON a.subject_kind = '{{SlaSubject.WorkItem}}' AND w.id = a.subject_id
        LEFT JOIN procedures.dossiers d ON d.id = coalesce(CASE WHEN a.subject_kind = '{{SlaSubject.Dossier}}' THEN a.subject_id END,
            (SELECT wd.id FROM procedures.dossiers wd WHERE wd.workflow_instance_id = w.instance_id))
        LEFT JOIN procedures.procedures p ON p.id = d.procedure_id
        LEFT JOIN procedures.units u ON u.id::text = coalesce(w.unit_id, d.processing_unit_id::text)
        WHERE a.threshold = '{{Thresholds.Parked}}'
          AND ((a.subject_kind = '{{SlaSubject.WorkItem}}' AND w.status = 'Open' AND w.due_at = a.due_at)
            OR (a.subject_kind = '{{SlaSubject.Dossier}}' AND d.status IN ('Accepted', 'Processing', 'FinancialObligation') AND d.appointment_at = a.due_at))
        """;

    public async Task<ParkedSubjectPage> ListAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var list = dataSource.CreateCommand($"""
            SELECT a.subject_id, a.subject_kind, d.id, coalesce(w.instance_id, d.workflow_instance_id), d.code, p.name, coalesce(w.title, w.step_id), coalesce(u.name, w.unit_id, d.processing_unit_id::text),
                   a.due_at, a.notified_to, a.raised_at, count(*) OVER ()
            {Waiting}
            ORDER BY a.raised_at DESC, a.subject_id
            OFFSET $1 LIMIT $2
            """);
        list.Parameters.Add(new() { Value = Math.Max(skip, 0) });
        list.Parameters.Add(new() { Value = Math.Clamp(take, 1, 500) });
        var items = new List<ParkedSubject>();
        var total = 0;
        await using var r = await list.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            items.Add(new ParkedSubject(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetGuid(2), r.IsDBNull(3) ? null : r.GetGuid(3),
                Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7), r.GetFieldValue<DateTimeOffset>(8), r.GetString(9), r.GetFieldValue<DateTimeOffset>(10)));
            total = (int)r.GetInt64(11);
        }
        if (items.Count == 0 && skip > 0) total = await CountAsync(ct);
        return new ParkedSubjectPage(items, total);
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        await using var count = dataSource.CreateCommand($"SELECT count(*) {Waiting}");
        return (int)(long)(await count.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Removes the parked mark of the subjects named (all of them or none: an unknown id changes nothing), or of every one.</summary>
    public async Task<DomainResult<ParkedSubjectsHandled>> RetryAsync(RetryParkedSubjects request, CancellationToken ct = default)
    {
        if (request.All) return await ChangeAsync(null, "subjectIds", Release, [], ct);
        if (request.SubjectIds is not { Count: > 0 } ids)
            return DomainError.Invalid("subjectIds", "subjects-required", "Chọn ít nhất một đối tượng cần thử lại, hoặc thử lại tất cả.",
                "Name at least one subject to retry, or retry all.");
        return await ChangeAsync(ids.Distinct().ToArray(), "subjectIds", Release, [], ct);
    }

    /// <summary>Removes the parked mark of one subject; not found, naming <c>id</c>, when it has none.</summary>
    public Task<DomainResult<ParkedSubjectsHandled>> RetryAsync(Guid subjectId, CancellationToken ct = default) =>
        ChangeAsync([subjectId], "id", Release, [], ct);

    private const string Release = "DELETE FROM notifications.sla_alerts WHERE threshold = $2 AND subject_id = ANY($1)";

    /// <summary>No sweep alerts the subject for the due time it was parked at; the reason and the operator are kept in the row.</summary>
    public async Task<DomainResult<ParkedSubjectsHandled>> DismissAsync(Guid subjectId, string actor, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return DomainError.Invalid("reason", "reason-required", "Thiếu lý do: lý do bỏ qua được ghi vào nhật ký.", "The reason is required: it is recorded in the audit log.");
        if (reason.Trim().Length > ReasonMaxLength)
            return DomainError.Invalid("reason", "too-long", $"Lý do dài tối đa {ReasonMaxLength} ký tự.", $"The reason must be at most {ReasonMaxLength} characters.");
        return await ChangeAsync([subjectId], "id", $"""
            WITH parked AS (DELETE FROM notifications.sla_alerts WHERE threshold = $2 AND subject_id = ANY($1) RETURNING *)
            INSERT INTO notifications.sla_alerts (subject_id, threshold, due_at, subject_kind, raised_at, notified_to)
            SELECT subject_id, '{Thresholds.Dismissed}', due_at, subject_kind, now(), left($3 || ': ' || $4 || ' (' || notified_to || ')', 3000) FROM parked
            ON CONFLICT DO NOTHING
            """, [actor, reason.Trim()], ct);
    }

    /// <summary>
    /// Locks the parked rows of <paramref name="ids"/> (of every parked subject when null); when one named has none, refuses naming
    /// <paramref name="field"/>; else runs <paramref name="sql"/> on the subjects locked.
    /// </summary>
    private async Task<DomainResult<ParkedSubjectsHandled>> ChangeAsync(Guid[]? ids, string field, string sql, object[] extra, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var found = new HashSet<Guid>();
        await using (var locked = new NpgsqlCommand(
            "SELECT subject_id FROM notifications.sla_alerts WHERE threshold = $2 AND ($1::uuid[] IS NULL OR subject_id = ANY($1)) FOR UPDATE", conn, tx))
        {
            locked.Parameters.Add(new() { Value = (object?)ids ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            locked.Parameters.Add(new() { Value = Thresholds.Parked });
            await using var r = await locked.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) found.Add(r.GetGuid(0));
        }
        if (ids?.Where(id => !found.Contains(id)).Take(1).ToArray() is [var missing])
            return DomainError.NotFound("parked subject", "đối tượng bị tạm dừng cảnh báo") with
            {
                Field = field,
                MessageVi = $"Không tìm thấy đối tượng bị tạm dừng cảnh báo {missing} (có thể đã được thử lại hoặc bỏ qua).",
                MessageEn = $"No parked subject {missing} (it may have been retried or dismissed already).",
            };
        await using var change = new NpgsqlCommand(sql, conn, tx);
        change.Parameters.Add(new() { Value = ids ?? [.. found] });
        change.Parameters.Add(new() { Value = Thresholds.Parked });
        foreach (var value in extra) change.Parameters.Add(new() { Value = value });
        await change.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return new ParkedSubjectsHandled(found.Count);
    }
}

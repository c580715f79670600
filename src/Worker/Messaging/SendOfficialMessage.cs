using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Common;
using Procedures.Persistence;
using Worker.Notifications;
using Worker.Templates;

namespace Worker.Messaging;

/// <summary>
/// An official writes to the specialist handling a dossier (in-app) or to its citizen (through the citizen's channels,
/// template <c>official-message</c>). The message is recorded for the dossier's history in the same transaction as
/// the notification or the outbox row that carries it.
/// </summary>
public sealed record SendOfficialMessage(Guid DossierId, string RecipientKind, string? SpecialistUserName, string Body, string? IdempotencyKey = null);

public sealed class SendOfficialMessageHandler(NotificationsDb db, ProceduresDb procedures, TimeProvider clock)
{
    public const string ToSpecialist = "specialist";
    public const string ToCitizen = "citizen";

    public async Task<DomainResult<Guid>> HandleAsync(string sender, string senderName, SendOfficialMessage request, CancellationToken ct = default)
    {
        var key = IdempotencyKey.For(sender, request.IdempotencyKey, "send-official-message", request with { IdempotencyKey = null });
        if (await IdempotencyKeys.FindAsync<Guid>(db.Database, key, clock.GetUtcNow(), ct) is { } first) return first;
        if (string.IsNullOrWhiteSpace(request.Body))
            return DomainError.Invalid("body", "required", "Nội dung tin nhắn không được để trống.", "The message is required.");
        if (request.Body.Length > 4000)
            return DomainError.Invalid("body", "too-long", "Tin nhắn dài quá 4000 ký tự.", "The message is longer than 4000 characters.");
        if (request.RecipientKind is not (ToSpecialist or ToCitizen))
            return DomainError.Invalid("recipientKind", "unknown", "Người nhận phải là 'specialist' hoặc 'citizen'.", "The recipient must be 'specialist' or 'citizen'.");
        if (request.RecipientKind == ToSpecialist && string.IsNullOrWhiteSpace(request.SpecialistUserName))
            return DomainError.Invalid("specialistUserName", "required", "Chưa chọn chuyên viên nhận tin.", "Choose the specialist.");
        var dossier = await procedures.Dossiers.AsNoTracking().Where(d => d.Id == request.DossierId)
            .Select(d => new { d.Id, d.Code, d.CitizenAccountId, d.Applicant.FullName, d.Applicant.Email, d.Applicant.Phone }).SingleOrDefaultAsync(ct);
        if (dossier is null) return DomainError.NotFound("dossier", "hồ sơ");

        var now = clock.GetUtcNow();
        var message = new OfficialMessage
        {
            Id = Guid.CreateVersion7(), DossierId = dossier.Id, Sender = sender, RecipientKind = request.RecipientKind,
            Recipient = request.RecipientKind == ToSpecialist ? request.SpecialistUserName!.Trim() : dossier.FullName, Body = request.Body.Trim(), SentAt = now,
        };
        var code = dossier.Code ?? dossier.Id.ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await IdempotencyKeys.RecordAsync(db.Database, key, message.Id, now, ct) is { } raced) return raced;
        db.OfficialMessages.Add(message);
        await db.SaveChangesAsync(ct);
        if (request.RecipientKind == ToSpecialist)
            await InboxWriter.WriteAsync(db, [new InboxItem
            {
                Id = Guid.CreateVersion7(), Recipient = message.Recipient, Kind = TemplateEvents.OfficialMessage, Title = $"Tin nhắn về hồ sơ {code} từ {senderName}",
                Body = message.Body, Link = $"/dossiers/{dossier.Id}", DossierId = dossier.Id, CreatedAt = now,
            }], ct);
        else
            await CitizenNoticeOutbox.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(),
                [new CitizenNotice(message.Id, TemplateEvents.OfficialMessage, dossier.Id, code, dossier.CitizenAccountId, dossier.Email, dossier.Phone,
                    new Dictionary<string, string> { ["Message"] = message.Body, ["SenderName"] = senderName }, dossier.FullName)], now, ct);
        await AddToHistoryAsync(message, senderName, ct);
        await tx.CommitAsync(ct);
        return message.Id;
    }

    /// <summary>The message is part of the dossier's history (not a hand-off: no step), written in the same transaction.</summary>
    private Task AddToHistoryAsync(OfficialMessage message, string senderName, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO procedures.dossier_events (dossier_id, at, kind, actor, actor_name, receiver, receiver_name, comment, data)
            VALUES ({message.DossierId}, {message.SentAt}, {HistoryKind}, {message.Sender}, {senderName},
                    {(message.RecipientKind == ToSpecialist ? message.Recipient : null)}, {message.Recipient}, {message.Body},
                    {JsonSerializer.Serialize(new { messageId = message.Id, recipientKind = message.RecipientKind })}::jsonb)
            """, ct);

    /// <summary>The history row's kind.</summary>
    public const string HistoryKind = "MessageSent";
}

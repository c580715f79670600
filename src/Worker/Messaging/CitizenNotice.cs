namespace Worker.Messaging;

/// <summary>
/// Something a citizen or business must be told about their dossier. The worker's own contract: the dossier
/// records (<c>DossierReceived</c>, <c>SupplementRequested</c>, ...) are mapped to it by thin adapters, so the
/// pipeline does not depend on their shape. <paramref name="EventName"/> is one of <see cref="Templates.TemplateEvents"/>;
/// <paramref name="Values"/> fill the template's placeholders. <paramref name="MessageId"/> identifies the fact:
/// the same id handled twice sends nothing twice.
/// </summary>
public sealed record CitizenNotice(
    Guid MessageId,
    string EventName,
    Guid DossierId,
    string DossierCode,
    Guid? CitizenAccountId,
    string? Email,
    string? Phone,
    IReadOnlyDictionary<string, string> Values,
    string? CitizenName = null,
    string? Locale = null)
{
    /// <summary>The outbox type name it is written under.</summary>
    public const string OutboxType = "notifications.citizen-notice";
}

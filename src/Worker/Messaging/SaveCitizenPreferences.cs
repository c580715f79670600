using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Worker.Notifications;
using Worker.Templates;

namespace Worker.Messaging;

/// <summary>A registered citizen chooses their channels and language.</summary>
public sealed record SaveCitizenPreferences(bool Email, bool Sms, bool InApp, string Locale);

public sealed class SaveCitizenPreferencesHandler(NotificationsDb db, TimeProvider clock)
{
    public async Task<DomainResult<SaveCitizenPreferences>> HandleAsync(Guid citizenAccountId, SaveCitizenPreferences request, CancellationToken ct = default)
    {
        if (!DefaultTemplates.Locales.Contains(request.Locale))
            return DomainError.Invalid("locale", "unknown-locale", $"Ngôn ngữ '{request.Locale}' không được hỗ trợ (vi, en).", $"Language '{request.Locale}' is not supported (vi, en).");
        var prefs = await db.CitizenPreferences.SingleOrDefaultAsync(p => p.CitizenAccountId == citizenAccountId, ct);
        if (prefs is null) db.CitizenPreferences.Add(prefs = new CitizenPreferences { CitizenAccountId = citizenAccountId });
        (prefs.Email, prefs.Sms, prefs.InApp, prefs.Locale, prefs.UpdatedAt) = (request.Email, request.Sms, request.InApp, request.Locale, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return request;
    }
}

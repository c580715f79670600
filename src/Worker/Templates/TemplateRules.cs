using Procedures.Common;
using Worker.Channels;

namespace Worker.Templates;

/// <summary>What an admin's template input must satisfy, every problem naming its field.</summary>
public static class TemplateRules
{
    public static DomainError? CheckKey(string eventName, string channel, string locale, out MessageChannel parsed)
    {
        parsed = default;
        if (!TemplateEvents.IsKnown(eventName))
            return DomainError.Invalid("event", "unknown-event", $"Không có sự kiện '{eventName}'. Các sự kiện: {string.Join(", ", TemplateEvents.All)}.",
                $"No event '{eventName}'. Events: {string.Join(", ", TemplateEvents.All)}.");
        if (!MessageChannels.TryParse(channel, out parsed))
            return DomainError.Invalid("channel", "unknown-channel", $"Không có kênh '{channel}' (email, sms, in-app).", $"No channel '{channel}' (email, sms, in-app).");
        if (!DefaultTemplates.Locales.Contains(locale))
            return DomainError.Invalid("locale", "unknown-locale", $"Ngôn ngữ '{locale}' không được hỗ trợ (vi, en).", $"Language '{locale}' is not supported (vi, en).");
        return null;
    }

    public static DomainError? CheckText(string eventName, MessageChannel channel, string? subject, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return DomainError.Invalid("body", "required", "Nội dung không được để trống.", "The body is required.");
        if (channel != MessageChannel.Sms && string.IsNullOrWhiteSpace(subject))
            return DomainError.Invalid("subject", "required", "Tiêu đề không được để trống.", "The subject is required.");
        if (subject is { Length: > 500 })
            return DomainError.Invalid("subject", "too-long", "Tiêu đề dài quá 500 ký tự.", "The subject is longer than 500 characters.");
        var allowed = TemplateEvents.Placeholders(eventName);
        return Placeholders.Check("subject", subject ?? "", allowed) ?? Placeholders.Check("body", body, allowed);
    }
}

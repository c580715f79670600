using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Worker.Channels;

/// <summary>Sends through an SMTP server with MailKit: UTF-8 text, so Vietnamese diacritics survive any relay.</summary>
public sealed class SmtpEmailSender(EmailSettings settings) : IEmailSender
{
    public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        mime.Subject = message.Subject;
        if (message.DeliveryId is { } id) mime.MessageId = $"{id:N}@{settings.FromAddress.Split('@')[^1]}";
        mime.Body = new TextPart("plain") { Text = message.Body };
        foreach (var part in mime.BodyParts.OfType<TextPart>()) part.ContentType.Charset = "utf-8";

        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        var security = Enum.TryParse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(settings.Smtp.Host ?? "localhost", settings.Smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", ct);
        var answer = await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
        return answer;
    }
}

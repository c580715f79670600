using System.Collections.Concurrent;

namespace Api.Accounts;

public enum VerificationChannel { Email, Sms }

/// <summary>A one-time code to deliver (account verification, password reset), or a notice without a code (<c>Code</c> empty).</summary>
public sealed record VerificationMessage(VerificationChannel Channel, string Address, string Code, string Purpose);

/// <summary>
/// The seam to the notification channels: the worker's e-mail and SMS senders implement it in production; the
/// default logs the code (with the address masked) and keeps the last code per address for tests and demos.
/// </summary>
public interface IVerificationSender
{
    Task SendAsync(VerificationMessage message, CancellationToken ct);
}

public sealed class LoggingVerificationSender(ILogger<LoggingVerificationSender> logger) : IVerificationSender
{
    private readonly ConcurrentDictionary<string, string> _last = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<VerificationMessage> _sent = new();

    public Task SendAsync(VerificationMessage message, CancellationToken ct)
    {
        _sent.Enqueue(message);
        if (message.Code.Length == 0)
        {
            logger.LogInformation("Notice {Purpose} via {Channel} to {Address} (development sender: nothing is sent)", message.Purpose, message.Channel, Mask(message.Address));
            return Task.CompletedTask;
        }
        _last[message.Address] = message.Code;
        logger.LogInformation("Verification code {Code} for {Purpose} via {Channel} to {Address} (development sender: nothing is sent)",
            message.Code, message.Purpose, message.Channel, Mask(message.Address));
        return Task.CompletedTask;
    }

    public string? LastCode(string address) => _last.GetValueOrDefault(address);

    /// <summary>Everything sent to <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<VerificationMessage> Sent(string address) => [.. _sent.Where(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))];

    /// <summary><c>an.nguyen@example.vn</c> → <c>a***@example.vn</c>; <c>0901000001</c> → <c>******0001</c>.</summary>
    public static string Mask(string address) => address.Contains('@')
        ? address[..1] + "***" + address[address.IndexOf('@')..]
        : new string('*', Math.Max(0, address.Length - 4)) + address[Math.Max(0, address.Length - 4)..];
}

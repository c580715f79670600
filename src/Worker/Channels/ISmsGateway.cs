namespace Worker.Channels;

/// <summary>An SMS provider. Returns the provider's answer (e.g. its message id); throws when the message was not accepted.</summary>
public interface ISmsGateway
{
    Task<string> SendAsync(string phone, string text, CancellationToken ct);
}

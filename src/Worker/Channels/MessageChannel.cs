namespace Worker.Channels;

/// <summary>How a message reaches a person. Stored as strings.</summary>
public enum MessageChannel { Email, Sms, InApp }

public static class MessageChannels
{
    /// <summary>The name admins and templates use: <c>email</c>, <c>sms</c>, <c>in-app</c>.</summary>
    public static string Name(this MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "email",
        MessageChannel.Sms => "sms",
        _ => "in-app",
    };

    public static bool TryParse(string? name, out MessageChannel channel)
    {
        foreach (var candidate in Enum.GetValues<MessageChannel>())
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase)) { channel = candidate; return true; }
        channel = default;
        return false;
    }
}

namespace Worker.Delivery;

/// <summary>What one attempt changed on a delivery row.</summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, string? Answer, string? Error, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt);

public static class DeliveryOutcomes
{
    public static DeliveryOutcome Sent(string answer, DateTimeOffset at) => new(DeliveryStatus.Sent, answer, null, at, null);

    public static DeliveryOutcome Failure(string error, bool final, DateTimeOffset retryAt, DateTimeOffset now) =>
        final ? new(DeliveryStatus.Failed, null, Trim(error), null, now) : new(DeliveryStatus.Retrying, null, Trim(error), null, retryAt);

    private static string Trim(string error) => error.Length > 1000 ? error[..1000] : error;
}

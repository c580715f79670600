namespace Procedures.Samples;

/// <summary>
/// The clock the sample history runs on. Several use cases of different dossiers run at once, each at its own planned
/// moment, so the time belongs to the async flow that set it; outside any flow it is the real now.
/// </summary>
internal sealed class SampleClock(DateTimeOffset now) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _flow = new();

    public override DateTimeOffset GetUtcNow() => (_flow.Value ?? now).ToUniversalTime();

    /// <summary>From here on in the calling async flow (and the calls it awaits), the time is <paramref name="at"/>.</summary>
    public void SetForThisFlow(DateTimeOffset at) => _flow.Value = at;
}

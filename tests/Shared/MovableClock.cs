namespace Tests.Shared;

/// <summary>A clock the test moves by hand, so due times and timers can be crossed without sleeping.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() { lock (this) return _now; }
    public void Set(DateTimeOffset now) { lock (this) _now = now.ToUniversalTime(); }
    public void Advance(TimeSpan by) { lock (this) _now += by; }
}

namespace Procedures.Organisation;

/// <summary>Effective dates are Vietnamese calendar days, so "today" is taken in UTC+7, not on the server's clock.</summary>
public static class VietnamDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}

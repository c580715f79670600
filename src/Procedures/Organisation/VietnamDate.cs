using Procedures.Common;

namespace Procedures.Organisation;

/// <summary>Effective dates are Vietnamese calendar days, so "today" is taken in UTC+7, not on the server's clock.</summary>
public static class VietnamDate
{
    public static DateOnly Today(this TimeProvider clock) => VietnamTime.DateOf(clock.GetUtcNow());
}

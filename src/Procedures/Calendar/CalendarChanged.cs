namespace Procedures.Calendar;

/// <summary>
/// The working calendar changed: the days whose working time changed (inclusive) and the unit whose office hours
/// changed (null: every unit). Written to the outbox with the change, so one worker recomputes the engine's due dates
/// even if the process that made the change stops right after it committed.
/// </summary>
/// <param name="Reason">Why, in the words officials read in the dossiers' history.</param>
public sealed record CalendarChanged(DateOnly From, DateOnly To, Guid? UnitId, string Reason);

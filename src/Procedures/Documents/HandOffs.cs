using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Organisation;

namespace Procedures.Documents;

/// <summary>
/// The rows of Form 05 from the dossier's history: one per use case taken at a workflow step (the apology and the
/// archiving are not hand-offs). The step is the giver's, because the due time and the timeliness judged are the
/// giver's work item's.
/// </summary>
internal static class HandOffs
{
    // Moves that do not carry the dossier forward are said so next to the step.
    private static readonly Dictionary<string, string> Turns = new()
    {
        ["SentBack"] = "trả lại", ["SupplementRequested"] = "yêu cầu bổ sung", ["NotAccepted"] = "từ chối tiếp nhận",
        ["Refused"] = "từ chối giải quyết", ["Withdrawn"] = "rút hồ sơ", ["SupplementOverdue"] = "quá hạn bổ sung, dừng xử lý",
        [WorkflowRepairRules.Repaired] = "quản trị hệ thống điều chỉnh quy trình",
    };

    public static IReadOnlyList<FormHandOff> From(IReadOnlyList<EventView> events, IReadOnlyDictionary<string, string> stepTitles,
        IReadOnlyDictionary<Guid, string> unitNames)
    {
        var steps = events.Where(e => e.Step is not null).OrderBy(e => e.Id).ToList();
        return steps.Select((e, i) => new FormHandOff(FormMapping.Vn(e.At), Step(e, stepTitles), e.ActorName,
            Receiver(e, steps.Skip(i + 1), unitNames), FormMapping.Vn(e.DueAt),
            // A row is a hand-off already made: without a due time there is nothing to judge, not something still open.
            e.Timeliness?.Vietnamese() ?? "—", e.Comment)).ToList();
    }

    private static string Step(EventView e, IReadOnlyDictionary<string, string> stepTitles)
    {
        var title = stepTitles.GetValueOrDefault(e.Step!, e.Step!);
        return Turns.TryGetValue(e.Kind, out var turn) ? $"{title} ({turn})" : title;
    }

    /// <summary>
    /// Who the dossier went to: the official the move named; else whoever took the opened step next; else, while
    /// nobody has, the role and unit that will. Nobody when the move opened nothing (returned, refused, ended).
    /// </summary>
    private static string? Receiver(EventView e, IEnumerable<EventView> later, IReadOnlyDictionary<Guid, string> unitNames)
    {
        if (!string.IsNullOrWhiteSpace(e.ReceiverName)) return e.ReceiverName;
        var opened = EventFacts.Next(e);
        if (opened.Count == 0) return null;
        // An operator's repair at the step did not take the dossier over: its row says so itself.
        if (later.FirstOrDefault(l => l.Kind != WorkflowRepairRules.Repaired && opened.Any(o => o.Step == l.Step)) is { } taken) return taken.ActorName;
        return string.Join("; ", opened.Select(o => Holder(o, unitNames)));
    }

    private static string Holder(EventFacts.Opened step, IReadOnlyDictionary<Guid, string> unitNames)
    {
        var role = step.Role is { } name && RoleNames.TryParseWorkflowRole(name, out var parsed) ? parsed.Vietnamese() : step.Role ?? step.Step;
        return Guid.TryParse(step.Unit, out var unit) && unitNames.TryGetValue(unit, out var unitName) ? $"{role}, {unitName}" : role;
    }

    /// <summary>The units the history names as receivers, to print them by name.</summary>
    public static IEnumerable<Guid> Units(IEnumerable<EventView> events) =>
        events.SelectMany(EventFacts.Next).Select(o => Guid.TryParse(o.Unit, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty);
}

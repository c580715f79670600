using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Worker.Sla;

namespace Api.Ui.Admin;

/// <summary>The page of parked SLA subjects does what the endpoints do, recorded in the audit log under the same actions.</summary>
public static class SlaParkingDesk
{
    public static Task<DomainResult<ParkedSubjectsHandled>> RetryParkedAsync(this AdminDesk desk, RetryParkedSubjects request) =>
        desk.RunAsync("sla.retry", "sla-subject", (sp, _) => sp.GetRequiredService<ParkedSubjects>().RetryAsync(request),
            _ => request.SubjectIds is [var one] ? one : (object?)null);

    public static Task<DomainResult<ParkedSubjectsHandled>> DismissParkedAsync(this AdminDesk desk, Guid subject, string reason) =>
        desk.RunAsync("sla.dismiss", "sla-subject", (sp, actor) => sp.GetRequiredService<ParkedSubjects>().DismissAsync(subject, actor.UserName, reason), _ => subject);
}

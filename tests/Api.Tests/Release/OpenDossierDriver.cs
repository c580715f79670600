using System.Globalization;
using Engine.Definitions;
using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Tests.Release;

/// <summary>
/// Takes every open dossier of a database to the end of its workflow through the use cases, the way the officials would:
/// at each round it looks at what the dossier waits for (an online submission to check, a supplement, the open steps) and
/// has an official who holds the step's role in the step's unit take the forward action, filling in the step's form. It
/// never refuses, sends back or withdraws, so a dossier ends returned (or as its workflow ends it). What no official could
/// move is reported with the use cases' own errors.
/// </summary>
public sealed class OpenDossierDriver(IServiceProvider services)
{
    private const int MaxRounds = 30;
    private static readonly HashSet<string> Backward = ["refuse", "send-back", "withdraw", "request-supplement", "reject", "cancel"];
    private static readonly DossierStatus[] Open =
        [DossierStatus.Registered, DossierStatus.Accepted, DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.FinancialObligation,
         DossierStatus.Finished];

    private List<Actor>? _officials;

    /// <summary>Moves each open dossier until nothing is open; returns the dossiers that got stuck, with why.</summary>
    public async Task<IReadOnlyList<string>> DriveAllAsync(CancellationToken ct = default)
    {
        var stuck = new List<string>();
        foreach (var id in await OpenDossiersAsync(ct))
            if (await DriveAsync(id, ct) is { } why) stuck.Add($"{id}: {why}");
        return stuck;
    }

    public async Task<List<Guid>> OpenDossiersAsync(CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Dossiers.AsNoTracking()
            .Where(d => Open.Contains(d.Status)).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
    }

    private async Task<string?> DriveAsync(Guid dossierId, CancellationToken ct)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var dossier = await sp.GetRequiredService<ProceduresDb>().Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossierId, ct);
            if (!Open.Contains(dossier.Status)) return null;
            var errors = new List<string>();
            if (dossier.Status == DossierStatus.Registered)
            {
                var inputs = await InputsAsync(sp, dossier, ct);
                if (await TryAsync(errors, await HoldersAsync(sp, Role.Clerk, dossier.ReceivingUnitId, ct), clerk => ReceiveAsync(dossierId, clerk, inputs, ct))) continue;
                return $"{dossier.Status}: {string.Join("; ", errors)}";
            }
            if (dossier.WorkflowInstanceId is not { } instanceId) return $"{dossier.Status} without a workflow";
            var view = await sp.GetRequiredService<InstanceQueries>().GetAsync(instanceId, ct);
            if (view is null) return "its workflow instance is missing";
            if (view.OpenWorkItems.Count == 0) return $"{dossier.Status}, workflow {view.Instance.Status}, no open step";
            var definition = await sp.GetRequiredService<DefinitionStore>().GetAsync(view.Instance.DefinitionId, view.Instance.Version, ct);
            var moved = false;
            foreach (var item in view.OpenWorkItems)
            {
                var step = definition?.FindStep(item.StepId);
                if (step is null) { errors.Add($"step {item.StepId} is not in {view.Instance.DefinitionId} v{view.Instance.Version}"); continue; }
                var actors = (item.Assignee ?? item.ClaimedBy) is { } owner ? [owner] : await WorkflowRoleHoldersAsync(sp, item.Role, item.UnitId, ct);
                if (await TryAsync(errors, actors, actor => TakeAsync(dossierId, dossier, item, step, actor, ct))) { moved = true; break; }
            }
            if (!moved) return $"{dossier.Status} at {string.Join(", ", view.OpenWorkItems.Select(i => i.StepId))}: {string.Join("; ", errors.Distinct())}";
        }
        return $"still open after {MaxRounds} rounds";
    }

    private async Task<DomainError?> ReceiveAsync(Guid id, string clerk, IReadOnlyDictionary<string, string> inputs, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ReceiveDossierHandler>()
            .HandleAsync(new ReceiveOnlineSubmission(clerk, id, WorkflowInputs: inputs.Count == 0 ? null : inputs), ct)).Error;
    }

    /// <summary>
    /// What the clerk types at reception for the workflow the receiving unit starts: for each required input the reception
    /// does not fill itself, an agency unit where someone holds the role of the steps working at <c>$input</c>, or a code.
    /// </summary>
    private async Task<Dictionary<string, string>> InputsAsync(IServiceProvider sp, Dossier dossier, CancellationToken ct)
    {
        var procedure = (await sp.GetRequiredService<ProcedureDetailQuery>().HandleAsync(new GetProcedure(dossier.ProcedureId, IncludeInactive: true), ct)).Value;
        var competence = procedure?.CompetentUnits.FirstOrDefault(c => c.UnitId == dossier.ReceivingUnitId) ?? procedure?.CompetentUnits.FirstOrDefault();
        if (competence is null) return [];
        var definition = await sp.GetRequiredService<DefinitionStore>().GetAsync(competence.WorkflowDefinitionId, competence.WorkflowVersion, ct);
        var inputs = new Dictionary<string, string>();
        foreach (var input in definition?.Inputs.Where(i => i.Required && i.Name is not ("dossierCode" or "dossierId" or "receivingUnit" or "processingUnit" or "procedureCode" or "applicantName" or "copies" or "pages")) ?? [])
        {
            if (input.Type != FieldType.Unit) { inputs[input.Name] = "0100109106"; continue; }
            var roles = definition!.Steps.Where(st => st.Unit == "$" + input.Name && st.Role is not null).Select(st => st.Role!).ToList();
            var unit = (await OfficialsAsync(sp, ct)).SelectMany(a => a.Memberships.Select(m => m.UnitId).Where(u => roles.Any(r => a.HasWorkflowRole(r, u)))).FirstOrDefault();
            if (unit != Guid.Empty) inputs[input.Name] = unit.ToString();
        }
        return inputs;
    }

    /// <summary>The forward action of <paramref name="step"/> by <paramref name="actor"/>, through the use case that carries it.</summary>
    private async Task<DomainError?> TakeAsync(Guid id, Dossier dossier, WorkItemView item, StepDefinition step, string actor, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var action = step.Actions.FirstOrDefault(a => !Backward.Contains(a.Name));
        if (item.StepId == DossierSteps.AwaitSupplement || action?.Name == "supplement-received")
            return (await sp.GetRequiredService<ReceiveSupplementHandler>().HandleAsync(new ReceiveSupplement(id, actor, await MissingAsync(sp, id, ct), "Công dân đã bổ sung"), ct)).Error;
        if (action is null) return DomainError.Invalid("action", "none", "Không có thao tác.", $"The step {step.Id} has no forward action.");
        var fields = Fill(step, action);
        return action.Name switch
        {
            "assign" => await AssignAsync(sp, id, item, actor, ct),
            "submit" when item.StepId == DossierSteps.Process =>
                (await sp.GetRequiredService<SubmitAppraisalHandler>().HandleAsync(new SubmitAppraisal(id, actor, "Đủ điều kiện", "Dự thảo kết quả", Fields: fields), ct)).Error,
            "approve" => (await sp.GetRequiredService<ApproveDossierHandler>().HandleAsync(new ApproveDossier(id, actor, "Đồng ý"), ct)).Error,
            "sign" when item.StepId == DossierSteps.Sign => (await sp.GetRequiredService<SignDossierHandler>().HandleAsync(new SignDossier(id, actor), ct)).Error,
            "return" => (await sp.GetRequiredService<ReturnResultHandler>().HandleAsync(new ReturnResult(id, actor, dossier.Channel == Channel.Online ? Channel.Online : Channel.Counter, Fields: fields), ct)).Error,
            "reply" => (await sp.GetRequiredService<ReplyToConsultationHandler>().HandleAsync(new ReplyToConsultation(id, actor, "Đã xác minh, thống nhất", Fields: fields), ct)).Error,
            _ when item.StepId == DossierSteps.ReturnResult =>
                (await sp.GetRequiredService<ReturnResultHandler>().HandleAsync(new ReturnResult(id, actor, Channel.Counter, Fields: fields), ct)).Error,
            _ => (await sp.GetRequiredService<CompleteStepHandler>().HandleAsync(new CompleteStep(id, actor, item.StepId, action.Name, "Đã thực hiện", fields), ct)).Error,
        };
    }

    private async Task<DomainError?> AssignAsync(IServiceProvider sp, Guid id, WorkItemView item, string actor, CancellationToken ct)
    {
        DomainError? last = null;
        foreach (var specialist in await HoldersAsync(sp, Role.Specialist, Guid.Parse(item.UnitId!), ct))
        {
            last = (await sp.GetRequiredService<AssignDossierHandler>().HandleAsync(new AssignDossier(id, actor, specialist, "Đề nghị thẩm định"), ct)).Error;
            if (last is null) return null;
        }
        return last ?? DomainError.Invalid("specialist", "none", "Không có chuyên viên.", $"No specialist in unit {item.UnitId}.");
    }

    /// <summary>The documents still missing, handed in as the supplement.</summary>
    private static async Task<IReadOnlyList<HandedDocument>> MissingAsync(IServiceProvider sp, Guid id, CancellationToken ct)
    {
        var db = sp.GetRequiredService<ProceduresDb>();
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Documents).SingleAsync(d => d.Id == id, ct);
        var handed = dossier.Documents.Where(d => !d.Provided).Select(d => new HandedDocument(d.ProcedureDocumentId, d.ProcedureDocumentId is null ? d.Name : null)).ToList();
        handed.AddRange(dossier.MissingItems.Where(m => dossier.Documents.All(d => d.Name != m)).Select(m => new HandedDocument(null, m)));
        return handed;
    }

    /// <summary>A value for each field of the step's form that the action requires or the form marks required.</summary>
    private static Dictionary<string, string> Fill(StepDefinition step, ActionDefinition action) =>
        step.Form.Where(f => f.Required || action.Requires.Contains(f.Name)).ToDictionary(f => f.Name, f => f.Type switch
        {
            FieldType.Number => "1",
            FieldType.Date => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FieldType.DateTime => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            FieldType.Boolean => "true",
            FieldType.Select => f.Options.FirstOrDefault() ?? "",
            _ => $"{f.Label ?? f.Name} 001",
        });

    private static async Task<bool> TryAsync(List<string> errors, IEnumerable<string> actors, Func<string, Task<DomainError?>> take)
    {
        var any = false;
        foreach (var actor in actors)
        {
            any = true;
            if (await take(actor) is not { } error) return true;
            errors.Add($"{actor}: {error.Code} {error.MessageEn}");
        }
        if (!any) errors.Add("no official holds the role there");
        return false;
    }

    private async Task<List<string>> HoldersAsync(IServiceProvider sp, Role role, Guid unit, CancellationToken ct) =>
        (await OfficialsAsync(sp, ct)).Where(a => a.HasRole(role, unit)).Select(a => a.UserName).ToList();

    private async Task<List<string>> WorkflowRoleHoldersAsync(IServiceProvider sp, string role, string? unit, CancellationToken ct) =>
        Guid.TryParse(unit, out var id) ? (await OfficialsAsync(sp, ct)).Where(a => a.HasWorkflowRole(role, id)).Select(a => a.UserName).ToList() : [];

    private async Task<List<Actor>> OfficialsAsync(IServiceProvider sp, CancellationToken ct)
    {
        if (_officials is not null) return _officials;
        var directory = sp.GetRequiredService<OfficialDirectory>();
        var names = await sp.GetRequiredService<ProceduresDb>().Officials.AsNoTracking().OrderBy(o => o.UserName).Select(o => o.UserName).ToListAsync(ct);
        _officials = [];
        foreach (var name in names)
            if (await directory.FindAsync(name, ct) is { } actor) _officials.Add(actor);
        return _officials;
    }
}

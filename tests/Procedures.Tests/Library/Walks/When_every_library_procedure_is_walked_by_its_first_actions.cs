using System.Globalization;
using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// Every definition of <c>workflows/</c>, read from its file, walked by its first actions (the forward ones, by the
/// conventions) from the counter to the archive, through the use cases only: the dedicated one where an action has rules
/// of its own, otherwise <see cref="CompleteStep"/>. The actor of each step is whichever sample official the step's role
/// and unit admit, its form fields filled by type, timers fired on the moved clock.
/// </summary>
public sealed class When_every_library_procedure_is_walked_by_its_first_actions : WalkTest
{
    public static IEnumerable<string> Workflows => WorkflowLibrary.Definitions.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Workflows))]
    public async Task Should_reach_the_archive_through_the_use_cases(string workflow)
    {
        var definition = WorkflowLibrary.Definitions.Where(d => d.Id == workflow).MaxBy(d => d.Version)!;
        var (shop, clerk, police) = workflow is "judicial-record-certificate" ? (ProvincialPoliceShop, "ca.clerk", YenSonPolice) : (YenSonShop, "ys.clerk", YenSonPolice);
        var processing = workflow.EndsWith("residence-registration", StringComparison.Ordinal) ? police : null;
        var walk = await ReceiveAsync(workflow, shop, clerk, processing, Inputs(definition, police),
            copies: workflow is "certified-copy" or "civil-status-extract-copy" ? 1 : null, pages: workflow is "certified-copy" ? 3 : null,
            next: [definition.Steps.First(s => s.Id == DossierSteps.Receive).Actions[0].To]);
        walk.Pace = TimeSpan.FromHours(2);
        var officials = await OfficialNames();
        var taken = new List<string>();

        for (var moves = 0; moves < 20 && (await Load(walk.Id)).Status != DossierStatus.Returned; moves++)
        {
            var open = await OpenItems(walk.Id);
            if (open.Count == 0)
            {
                Clock.Set((await NextTimer(walk.Id)).AddMinutes(1));
                (await FireDueTimers()).ShouldBe(1, $"{workflow}: nothing open and no timer due");
                continue;
            }
            var item = open[0];
            var step = definition.FindStep(item.StepId)!;
            var action = step.Actions[0];
            var actor = item.Assignee ?? await AnyoneHolding(officials, step.Role!, item.Unit);
            var fields = await Fill(step, action, officials, item.Unit);
            var result = await Take(walk, item.StepId, action.Name, actor, fields);
            result.Error.ShouldBeNull($"{workflow}: {item.StepId}/{action.Name} by {actor}");
            taken.Add($"{item.StepId}/{action.Name}");
        }

        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Returned, $"{workflow} after {string.Join(", ", taken)}");
        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/approved");
        taken.ShouldAllBe(t => definition.FindStep(t.Split('/', StringSplitOptions.None)[0])!.Kind == StepKind.Human);
        await walk.ShouldHaveRecordedEachUseCaseOf(taken.Count);
    }

    private Task<DomainResult<DossierState>> Take(DossierWalk walk, string step, string action, string actor, Dictionary<string, string> fields) =>
        CompleteStepHandler.DedicatedUseCase(step, action) switch
        {
            null => walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, actor, step, action, "Đã xử lý", fields))),
            nameof(AssignDossier) => walk.Try<AssignDossierHandler>(h => h.HandleAsync(new AssignDossier(walk.Id, actor, fields["specialist"], "Đề nghị thẩm định"))),
            nameof(SubmitAppraisal) => walk.Try<SubmitAppraisalHandler>(h => h.HandleAsync(new SubmitAppraisal(walk.Id, actor, "Đủ điều kiện", "Dự thảo kết quả", Fields: fields))),
            nameof(ReplyToConsultation) => walk.Try<ReplyToConsultationHandler>(h => h.HandleAsync(new ReplyToConsultation(walk.Id, actor, "Đã xử lý theo đề nghị", Fields: fields))),
            nameof(SignDossier) => walk.Try<SignDossierHandler>(h => h.HandleAsync(new SignDossier(walk.Id, actor))),
            nameof(ReturnResult) => walk.Try<ReturnResultHandler>(h => h.HandleAsync(new ReturnResult(walk.Id, actor, Channel.Counter, "Đã nhận kết quả", fields))),
            var other => throw new InvalidOperationException($"{step}/{action}: the first action goes to {other}, which this walk does not take"),
        };

    private Dictionary<string, string> Inputs(WorkflowDefinition definition, string police) => definition.Inputs
        .Where(i => i.Required && !WorkflowLibrary.RequiredInputs.Contains(i.Name))
        .ToDictionary(i => i.Name, i => i.Type == FieldType.Unit ? Province.Unit(i.Name switch
        {
            "taxUnit" => TaxOffice,
            "policeUnit" => police,
            "socialInsuranceUnit" => SocialInsurance,
            "landRegistrationUnit" => LandRegistrationOffice,
            _ => YenSon,
        }).ToString() : "08A8000123");

    private async Task<Dictionary<string, string>> Fill(StepDefinition step, ActionDefinition action, IReadOnlyList<string> officials, Guid? unit)
    {
        var fields = new Dictionary<string, string>();
        foreach (var name in action.Requires.Union(step.Form.Where(f => f.Required).Select(f => f.Name)))
        {
            var field = step.Form.FirstOrDefault(f => f.Name == name);
            fields[name] = field?.Type switch
            {
                FieldType.User => await AnyoneHolding(officials, "specialist", unit),
                FieldType.Date => DateOnly.FromDateTime(Clock.GetUtcNow().AddDays(1).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                FieldType.DateTime => Clock.GetUtcNow().AddDays(1).ToString("O", CultureInfo.InvariantCulture),
                FieldType.Number => "1500000",
                FieldType.Boolean => "true",
                FieldType.Select => field.Options[0],
                _ => $"{field?.Label ?? name}: mẫu",
            };
        }
        return fields;
    }

    private async Task<string> AnyoneHolding(IReadOnlyList<string> officials, string role, Guid? unit)
    {
        await using var scope = NewScope();
        var directory = scope.ServiceProvider.GetRequiredService<OfficialDirectory>();
        foreach (var name in officials)
            if (await directory.FindAsync(name) is { } actor && actor.Holds(role, unit))
                return name;
        throw new InvalidOperationException($"No sample official holds {role} in {unit}");
    }

    private async Task<List<string>> OfficialNames()
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Officials.AsNoTracking()
            .Where(o => o.IsActive).Select(o => o.UserName).OrderBy(n => n).ToListAsync();
    }

    private async Task<List<DossierWorkItem>> OpenItems(Guid dossierId)
    {
        var instance = (await Load(dossierId)).WorkflowInstanceId!.Value;
        await using var cmd = DataSource.CreateCommand(
            "SELECT id, step_id, unit_id, assignee, created_at FROM engine.work_items WHERE instance_id = $1 AND status = 'Open' ORDER BY created_at, step_id");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = instance });
        await using var r = await cmd.ExecuteReaderAsync();
        var items = new List<DossierWorkItem>();
        while (await r.ReadAsync())
            items.Add(new DossierWorkItem(r.GetGuid(0), r.GetString(1), null, "", r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                null, null, r.GetFieldValue<DateTimeOffset>(4), null, true));
        return items;
    }

    private async Task<DateTimeOffset> NextTimer(Guid dossierId)
    {
        var instance = (await Load(dossierId)).WorkflowInstanceId!.Value;
        await using var cmd = DataSource.CreateCommand("SELECT min(due_at) FROM engine.timers WHERE instance_id = $1 AND status = 'Pending'");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = instance });
        return new DateTimeOffset((DateTime)(await cmd.ExecuteScalarAsync())!, TimeSpan.Zero);
    }
}

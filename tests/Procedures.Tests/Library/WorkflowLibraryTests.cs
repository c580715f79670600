using Engine.Definitions;
using static Procedures.Tests.Library.WorkflowLibrary;

namespace Procedures.Tests.Library;

/// <summary>Every file under <c>workflows/</c> loads, validates and follows the shared conventions of workflows/README.md.</summary>
public sealed class Each_definition_in_the_library
{
    private static IEnumerable<TestCaseData> EachFile() =>
        Files.Select(f => new TestCaseData(f).SetArgDisplayNames(f.RelativePath));

    [TestCaseSource(nameof(EachFile))]
    public void Should_parse_without_problems(LibraryFile file)
    {
        var result = DefinitionYaml.Parse(file.Yaml);
        result.Problems.ShouldBeEmpty();
        result.Definition.ShouldNotBeNull();
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_validate_without_problems(LibraryFile file) =>
        DefinitionValidator.Validate(file.Definition, Product).Select(p => p.ToString()).ShouldBeEmpty();

    [TestCaseSource(nameof(EachFile))]
    public void Should_live_at_its_id_and_version(LibraryFile file)
    {
        var definition = file.Definition;
        file.RelativePath.ShouldBe($"{definition.Id}/v{definition.Version}.yaml");
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_name_its_legal_basis_in_a_header_comment(LibraryFile file)
    {
        var header = file.Yaml.ReplaceLineEndings("\n").Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
        header.ShouldNotBeEmpty("the file starts with a comment naming its legal basis");
        header[0].ShouldStartWith("# Legal basis:");
        string.Join(" ", header).ShouldMatch(@"(Luật|Nghị định|Thông tư)\s", "the header cites a law, decree or circular");
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_declare_a_legal_limit(LibraryFile file) =>
        file.Definition.LegalLimit.ShouldNotBeNull().Amount.ShouldBeGreaterThan(0);

    [TestCaseSource(nameof(EachFile))]
    public void Should_fit_its_longest_path_within_the_legal_limit(LibraryFile file)
    {
        var definition = file.Definition;
        var limit = definition.LegalLimit.ShouldNotBeNull();
        var total = DefinitionValidator.LongestPathBudget(definition, out var path);
        TestContext.Out.WriteLine($"{definition.Id}: {total} of {limit} via {string.Join(" → ", path)}");
        total.ShouldBeLessThanOrEqualTo(limit, $"longest path {string.Join(" → ", path)} takes {total}");
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_declare_the_dossier_code_and_the_receiving_and_processing_units_as_required_inputs(LibraryFile file)
    {
        var inputs = file.Definition.Inputs;
        foreach (var name in RequiredInputs)
            inputs.ShouldContain(i => i.Name == name && i.Required, $"input '{name}' (required)");
        inputs.Single(i => i.Name == "receivingUnit").Type.ShouldBe(FieldType.Unit);
        inputs.Single(i => i.Name == "processingUnit").Type.ShouldBe(FieldType.Unit);
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_have_a_vietnamese_title_and_description(LibraryFile file)
    {
        var definition = file.Definition;
        LooksVietnamese(definition.Title).ShouldBeTrue($"title '{definition.Title}'");
        LooksVietnamese(definition.Description).ShouldBeTrue("the description names the legal basis in Vietnamese");
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_title_every_human_step_in_vietnamese(LibraryFile file)
    {
        var untitled = file.Definition.Steps.Where(s => s.Kind == StepKind.Human && !LooksVietnamese(s.Title)).Select(s => s.Id);
        untitled.ShouldBeEmpty();
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_end_approved_on_one_path_and_refused_on_another(LibraryFile file)
    {
        var outcomes = file.Definition.Steps.Where(s => s.Kind == StepKind.End).Select(s => s.Outcome).ToList();
        outcomes.ShouldContain("approved");
        outcomes.ShouldContain("refused");
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_use_only_the_shared_outcomes(LibraryFile file) =>
        file.Definition.Steps.Where(s => s.Kind == StepKind.End).Select(s => s.Outcome)
            .Where(o => !Outcomes.Contains(o)).ShouldBeEmpty();

    [TestCaseSource(nameof(EachFile))]
    public void Should_give_human_steps_only_the_shared_roles(LibraryFile file) =>
        file.Definition.Steps.Where(s => s.Kind == StepKind.Human && !Roles.Contains(s.Role ?? ""))
            .Select(s => $"{s.Id}: {s.Role}").ShouldBeEmpty();

    [TestCaseSource(nameof(EachFile))]
    public void Should_place_every_human_step_in_a_unit_taken_from_a_declared_unit_input(LibraryFile file)
    {
        var definition = file.Definition;
        var unitInputs = definition.Inputs.Where(i => i.Type == FieldType.Unit && i.Required).Select(i => "$" + i.Name).ToHashSet();
        definition.Steps.Where(s => s.Kind == StepKind.Human && (s.Unit is null || !unitInputs.Contains(s.Unit)))
            .Select(s => $"{s.Id}: {s.Unit ?? "(no unit)"}").ShouldBeEmpty();
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_receive_and_return_at_the_receiving_unit(LibraryFile file)
    {
        var definition = file.Definition;
        var receive = definition.FindStep("receive").ShouldNotBeNull();
        receive.ShouldSatisfyAllConditions(
            () => definition.StartStepId.ShouldBe("receive"),
            () => receive.Role.ShouldBe("clerk"),
            () => receive.Unit.ShouldBe("$receivingUnit"),
            () => receive.Actions.Select(a => a.Name).ShouldContain("accept"),
            () => receive.Actions.ShouldContain(a => a.Name == "refuse" && a.To == "refused"));
        var giveBack = definition.FindStep("return-result").ShouldNotBeNull();
        giveBack.ShouldSatisfyAllConditions(
            () => giveBack.Role.ShouldBe("clerk"),
            () => giveBack.Unit.ShouldBe("$receivingUnit"),
            () => giveBack.Actions.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                a => a.Name.ShouldBe("return"),
                a => a.To.ShouldBe("archive")));
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_archive_the_dossier_before_ending_approved(LibraryFile file)
    {
        var definition = file.Definition;
        var archive = definition.FindStep("archive").ShouldNotBeNull();
        archive.ShouldSatisfyAllConditions(
            () => archive.Kind.ShouldBe(StepKind.Automatic),
            () => archive.Set.ShouldContainKeyAndValue("archived", true),
            () => archive.Emit.ShouldNotBeNull().Type.ShouldBe("dossier-archived"),
            () => definition.FindStep(archive.Next ?? "").ShouldNotBeNull().Outcome.ShouldBe("approved"));
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_require_a_comment_to_refuse_send_back_or_withdraw(LibraryFile file) =>
        file.Definition.Steps.SelectMany(s => s.Actions.Select(a => (Step: s.Id, Action: a)))
            .Where(x => ActionsNeedingAComment.Contains(x.Action.Name) && !x.Action.CommentRequired)
            .Select(x => $"{x.Step}.{x.Action.Name}").ShouldBeEmpty();

    [TestCaseSource(nameof(EachFile))]
    public void Should_end_refusals_and_withdrawals_with_their_outcome(LibraryFile file)
    {
        var definition = file.Definition;
        var wrong =
            from s in definition.Steps
            from a in s.Actions
            where a.Name is "refuse" or "withdraw"
            let outcome = a.Name == "refuse" ? "refused" : "withdrawn"
            where definition.FindStep(a.To) is not { Kind: StepKind.End } end || end.Outcome != outcome
            select $"{s.Id}.{a.Name} → {a.To}";
        wrong.ShouldBeEmpty();
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_reach_approved_by_taking_the_first_action_of_every_human_step(LibraryFile file)
    {
        var definition = file.Definition;
        var visited = new List<string>();
        var end = Walk(definition, definition.StartStepId, stopAt: null, visited);
        end.ShouldNotBeNull($"walked {string.Join(" → ", visited)}").Outcome.ShouldBe("approved");
    }

    [TestCaseSource(nameof(EachFile))]
    public void Should_let_the_assigned_specialist_be_chosen_on_a_form_before_it_is_used(LibraryFile file)
    {
        var definition = file.Definition;
        var usesSpecialist = definition.Steps.Where(s => s.Assignee == "$specialist").Select(s => s.Id).ToList();
        if (usesSpecialist.Count == 0) Assert.Pass("no step is assigned to $specialist");
        definition.Steps.ShouldContain(s => s.Kind == StepKind.Human
            && s.Form.Any(f => f.Name == "specialist" && f.Type == FieldType.User)
            && s.Actions.Any(a => a.Requires.Contains("specialist")));
    }

    /// <summary>
    /// Follows the forward path: the first action of a human step, <c>next</c> of automatic, timer and join
    /// steps, every branch of a split up to its join. Returns the end reached (null at <paramref name="stopAt"/>).
    /// </summary>
    private static StepDefinition? Walk(WorkflowDefinition definition, string? stepId, StepDefinition? stopAt, List<string> visited)
    {
        var step = stepId is null ? null : definition.FindStep(stepId);
        while (step is not null && step != stopAt && visited.Count < 10 * definition.Steps.Count)
        {
            visited.Add(step.Id);
            switch (step.Kind)
            {
                case StepKind.End:
                    return step;
                case StepKind.Split:
                    var join = definition.FindStep(step.Join ?? "").ShouldNotBeNull();
                    foreach (var branch in step.Branches)
                        Walk(definition, branch.Start, join, visited).ShouldBeNull($"branch '{branch.Name}' ends before its join");
                    visited.Add(join.Id);
                    step = definition.FindStep(join.Next ?? "");
                    break;
                case StepKind.Human:
                    step.Actions.ShouldNotBeEmpty($"human step '{step.Id}' has no action");
                    step = definition.FindStep(step.Actions[0].To);
                    break;
                default:
                    step = definition.FindStep(step.Next ?? "");
                    break;
            }
        }
        return null;
    }
}

/// <summary>The library as a whole covers the cases the procedures layer relies on.</summary>
public sealed class The_workflow_library
{
    [Test]
    public void Should_hold_at_least_twelve_definitions() => Files.Count.ShouldBeGreaterThanOrEqualTo(12);

    [Test]
    public void Should_use_each_id_and_version_once() =>
        Definitions.GroupBy(d => (d.Id, d.Version)).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();

    [Test]
    public void Should_have_a_same_day_procedure_budgeted_in_hours() =>
        Definitions.Where(IsSameDayInHours).Select(d => d.Id).ShouldNotBeEmpty();

    [Test]
    public void Should_have_a_parallel_consultation_of_the_tax_authority_with_a_budget_on_every_branch() =>
        Definitions.Where(d => d.Steps.Any(s => IsSplitWithBranchBudgets(s) && s.Branches.Any(b => b.Name == "tax")))
            .Select(d => d.Id).ShouldNotBeEmpty();

    [Test]
    public void Should_have_a_procedure_whose_fee_is_counted_by_pages() =>
        Definitions.Where(d =>
                d.Inputs.Any(i => i.Name == "pages" && i.Type == FieldType.Number && i.Required)
                && d.Inputs.Any(i => i.Name == "copies" && i.Type == FieldType.Number))
            .Select(d => d.Id).ShouldNotBeEmpty();

    [Test]
    public void Should_have_a_joint_procedure_splitting_into_at_least_three_agencies_each_with_its_own_unit_and_budget() =>
        Definitions.Where(d => d.Steps.Any(s => IsJointSplit(d, s))).Select(d => d.Id).ShouldNotBeEmpty();

    [Test]
    public void Should_have_a_procedure_that_waits_for_the_fee_after_the_signature_and_before_the_result()
    {
        var waiting = Definitions.Where(d => d.FindStep("sign") is { } sign && d.FindStep(sign.Actions[0].To) is { Kind: StepKind.Automatic } notice
            && notice.Set.ContainsKey("financialObligationNotified")
            && d.FindStep(notice.Next ?? "") is { Kind: StepKind.Human, Role: "clerk" } payment
            && payment.Actions.Any(a => a.To == "return-result" && a.Requires.Contains("paymentReference")));
        waiting.Select(d => d.Id).ShouldNotBeEmpty();
    }

    [Test]
    public void Should_have_a_site_visit_that_waits_until_the_appointment_the_specialist_recorded()
    {
        var visits = Definitions.Where(d => d.Steps.Any(s => s.Kind == StepKind.Timer && s.Until is { } until
            && d.Steps.Any(h => h.Kind == StepKind.Human && h.Form.Any(f => f.Name == until && f.Type == FieldType.DateTime)
                && h.Actions.Any(a => a.Requires.Contains(until)))
            && d.FindStep(s.Next ?? "") is { Kind: StepKind.Human, Role: "specialist" }));
        visits.Select(d => d.Id).ShouldContain("land-dispute-conciliation");
    }

    [Test]
    public void Should_list_every_procedure_in_docs_procedures_md()
    {
        var doc = File.ReadAllText(Path.Combine(Folder, "..", "docs", "procedures.md"));
        Definitions.Select(d => d.Id).Distinct().Where(id => !doc.Contains($"`{id}`", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private static bool IsSameDayInHours(WorkflowDefinition d) =>
        d.LegalLimit is { } limit && limit.TotalHours <= WorkingTime.HoursPerDay
        && d.Steps.Where(s => s.Kind == StepKind.Human).All(s => s.Budget is { Unit: WorkingTimeUnit.Hours })
        && DefinitionValidator.LongestPathBudget(d, out _) <= limit;

    private static bool IsSplitWithBranchBudgets(StepDefinition s) =>
        s.Kind == StepKind.Split && s.Branches.Count >= 2 && s.Branches.All(b => b.Budget is { Amount: > 0 });

    /// <summary>At least three branches, each budgeted, each led by a human step in its own unit variable.</summary>
    private static bool IsJointSplit(WorkflowDefinition d, StepDefinition split)
    {
        if (!IsSplitWithBranchBudgets(split) || split.Branches.Count < 3) return false;
        var units = split.Branches.Select(b => FirstHumanStep(d, b.Start)?.Unit).ToList();
        return units.All(u => u is not null && u.StartsWith('$')) && units.Distinct().Count() == units.Count;
    }

    /// <summary>The branch's first human step, following <c>next</c> through automatic and timer steps.</summary>
    private static StepDefinition? FirstHumanStep(WorkflowDefinition definition, string? stepId)
    {
        var step = stepId is null ? null : definition.FindStep(stepId);
        for (var hops = 0; step is not null && hops < definition.Steps.Count; hops++)
        {
            if (step.Kind == StepKind.Human) return step;
            step = step.Next is null ? null : definition.FindStep(step.Next);
        }
        return null;
    }
}

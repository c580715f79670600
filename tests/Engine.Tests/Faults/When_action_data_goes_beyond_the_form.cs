using Engine.Runtime;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the product: a clerk set <c>specialist=mallory</c> at a step without a form, and <c>{fee: 500}</c> passed a
/// <c>fee &gt; 100</c> guard when the instance held <c>fee=1</c>. Data sent with an action is now the step's form, typed.
/// </summary>
public sealed class When_action_data_goes_beyond_the_form : EngineTest
{
    private const string Fees = """
        id: fees
        version: 1
        title: Fee review
        inputs:
          - name: fee
            type: number
        steps:
          - id: receive
            kind: human
            role: clerk
            budget: 1h
            actions:
              - name: accept
                to: assess
          - id: assess
            kind: human
            role: section-head
            budget: 1h
            form:
              - name: assessedFee
                type: number
              - name: decidedOn
                type: date
              - name: specialist
                type: user
              - name: channel
                type: select
                options: [counter, post]
              - name: exempt
                type: boolean
            actions:
              - name: waive
                to: waived
                guard: assessedFee > 100
              - name: collect
                to: collected
          - id: waived
            kind: end
            outcome: waived
          - id: collected
            kind: end
            outcome: collected
        """;

    [SetUp]
    public Task Publish() => PublishAsync(Fees);

    [Test]
    public async Task Should_refuse_any_field_at_a_step_without_a_form_by_its_name()
    {
        var started = await StartAsync("fees", new { fee = 1 });
        var result = await Complete(started.OpenedWorkItems[0].Id, "accept", new() { ["specialist"] = "mallory" });
        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Field.ShouldBe("specialist");
        result.Error.Message.ShouldContain("has no form");
        (await CountAsync("SELECT count(*) FROM engine.instances WHERE variables ? 'specialist'")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'ActionTaken'")).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_a_variable_the_guard_reads_when_it_is_not_on_the_form()
    {
        var assess = await AssessAsync();
        var result = await Complete(assess, "waive", new() { ["fee"] = 500 });
        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Field.ShouldBe("fee");
        result.Error.Message.ShouldContain("assessedFee");
    }

    [Test]
    public async Task Should_let_the_guard_see_the_stored_variables_with_the_validated_input()
    {
        var assess = await AssessAsync();
        (await Complete(assess, "waive", new() { ["assessedFee"] = 50 })).Error!.Code.ShouldBe(EngineErrorCode.ActionNotAllowed);
        (await Complete(assess, "waive", new() { ["assessedFee"] = 150 })).Value!.Outcome.ShouldBe("waived");
    }

    [TestCase("assessedFee", "\"năm trăm\"", "expected a number")]
    [TestCase("decidedOn", "\"02/03/2026\"", "expected a date")]
    [TestCase("exempt", "\"yes\"", "expected true or false")]
    [TestCase("channel", "\"email\"", "not one of counter, post")]
    [TestCase("specialist", "42", "expected text")]
    public async Task Should_refuse_a_value_of_the_wrong_type_naming_the_field(string field, string json, string problem)
    {
        var assess = await AssessAsync();
        var result = await Complete(assess, "collect", new() { [field] = System.Text.Json.Nodes.JsonNode.Parse(json) });
        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Field.ShouldBe(field);
        result.Error.Message.ShouldContain(problem);
    }

    [Test]
    public async Task Should_refuse_a_user_id_longer_than_a_work_item_can_hold()
    {
        var assess = await AssessAsync();
        var result = await Complete(assess, "collect", new() { ["specialist"] = new string('m', 101) });
        result.Error!.Field.ShouldBe("specialist");
        result.Error.Message.ShouldContain("at most 100 characters");
    }

    [Test]
    public async Task Should_merge_facts_the_application_sets_itself_without_the_form_check()
    {
        var assess = await AssessAsync();
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(assess, "collect", "head-1",
            Data: new() { ["assessedFee"] = 20 }, Variables: new() { ["receiptNumber"] = "BL-7" }));
        result.Error.ShouldBeNull();
        (await CountAsync("SELECT count(*) FROM engine.instances WHERE variables ->> 'receiptNumber' = 'BL-7' AND variables ->> 'assessedFee' = '20'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_refuse_ids_longer_than_the_engine_keeps_by_name_instead_of_a_database_error()
    {
        var longKey = await Runtime.StartAsync(new StartInstance("fees", BusinessKey: new string('k', 201)));
        longKey.Error!.Field.ShouldBe("businessKey");
        var assess = await AssessAsync();
        (await Runtime.CompleteAsync(new CompleteWorkItem(assess, "collect", new string('a', 101)))).Error!.Field.ShouldBe("actor");
        (await Runtime.ReassignAsync(assess, new string('b', 101), "head-1")).Error!.Field.ShouldBe("assignee");
        (await Runtime.ClaimAsync(assess, new string('c', 101))).Error!.Field.ShouldBe("actor");
        (await CountAsync("SELECT count(*) FROM engine.instances")).ShouldBe(1);
    }

    private async Task<Guid> AssessAsync()
    {
        var started = await StartAsync("fees", new { fee = 1 });
        return (await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1")).OpenedWorkItems[0].Id;
    }

    private Task<EngineResult<TransitionResult>> Complete(Guid item, string action, System.Text.Json.Nodes.JsonObject data) =>
        Runtime.CompleteAsync(new CompleteWorkItem(item, action, "head-1", Data: data));
}

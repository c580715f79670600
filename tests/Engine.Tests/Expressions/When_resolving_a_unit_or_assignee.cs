using System.Text.Json.Nodes;
using Engine.Expressions;

namespace Engine.Tests.Expressions;

public sealed class When_resolving_a_unit_or_assignee
{
    private static readonly JsonObject Variables = JsonNode.Parse("""
        { "unit": "ward-3", "applicant": { "unitId": "district-1", "count": 12 }, "flag": true, "nothing": null }
        """)!.AsObject();

    [TestCase("$unit", "ward-3")]
    [TestCase("${unit}", "ward-3")]
    [TestCase(" ${ applicant.unitId } ", "district-1")]
    [TestCase("$applicant.unitId", "district-1")]
    [TestCase("$applicant.count", "12")]
    [TestCase("$flag", "true")]
    public void Should_read_the_variable_as_text(string expression, string expected) =>
        ValueExpression.Resolve(expression, Variables).ShouldBe(expected);

    [TestCase("$missing")]
    [TestCase("${applicant.missing}")]
    [TestCase("$nothing")]
    [TestCase(null)]
    public void Should_give_null_for_a_missing_variable_or_no_expression(string? expression) =>
        ValueExpression.Resolve(expression, Variables).ShouldBeNull();

    [TestCase("unit-01")]
    [TestCase("user 42")]
    [TestCase("$")]
    [TestCase("${unit")]
    [TestCase("cost: $5")]
    public void Should_keep_anything_else_as_a_literal(string expression) =>
        ValueExpression.Resolve(expression, Variables).ShouldBe(expression);

    [Test]
    public void Should_expose_the_variable_name()
    {
        ValueExpression.VariableName("${a.b}").ShouldBe("a.b");
        ValueExpression.VariableName("$a").ShouldBe("a");
        ValueExpression.VariableName("a").ShouldBeNull();
    }
}

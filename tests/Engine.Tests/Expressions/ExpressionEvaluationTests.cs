using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Expressions;

namespace Engine.Tests.Expressions;

public sealed class When_a_guard_reads_variables
{
    private static readonly JsonObject Variables = JsonNode.Parse("""
        { "amount": 150, "rate": 1.0, "one": 1, "name": "An", "paid": false, "empty": "", "tags": ["a", "b"],
          "applicant": { "age": 17, "district": "d2" }, "nothing": null }
        """)!.AsObject();

    private static bool Guard(string text) => Expression.Parse(text).EvaluateBool(Variables);

    [Test]
    public void Should_be_false_when_the_variable_is_missing()
    {
        Guard("missing > 100").ShouldBeFalse();
        Guard("applicant.income >= 0").ShouldBeFalse();
        Guard("missing == 'x'").ShouldBeFalse();
        Guard("missing").ShouldBeFalse();
    }

    [TestCase("amount > 100", true)]
    [TestCase("$amount > 100", true)]
    [TestCase("applicant.age >= 18", false)]
    [TestCase("applicant.district == 'd2'", true)]
    [TestCase("applicant.age.years == 1", false)]
    [TestCase("name == \"An\"", true)]
    [TestCase("name < 'Bo'", true)]
    [TestCase("nothing == null", true)]
    [TestCase("missing == null", true)]
    public void Should_read_plain_dotted_and_dollar_names(string text, bool expected) => Guard(text).ShouldBe(expected);

    [TestCase("one == 1.0", true)]
    [TestCase("rate == 1", true)]
    [TestCase("1.50 == 1.5", true)]
    [TestCase("'1' == 1", false)]
    [TestCase("'1' != 1", true)]
    [TestCase("'a' < 1", false)]
    [TestCase("'a' >= 1", false)]
    [TestCase("paid == 0", false)]
    [TestCase("tags == tags", true)]
    [TestCase("applicant < 1", false)]
    public void Should_compare_numbers_by_value_and_never_match_different_types(string text, bool expected) =>
        Guard(text).ShouldBe(expected);

    [TestCase("amount > 100 and not paid", true)]
    [TestCase("amount > 100 && paid", false)]
    [TestCase("paid || amount > 100", true)]
    [TestCase("paid or false or null", false)]
    [TestCase("false and missing.x > 1", false)]
    [TestCase("true or false and false", true)]
    [TestCase("(true or false) and false", false)]
    [TestCase("not name == 'An'", false)]
    [TestCase("!paid", true)]
    [TestCase("not not paid", false)]
    public void Should_combine_with_the_usual_precedence(string text, bool expected) => Guard(text).ShouldBe(expected);

    [TestCase("applicant.district in ['d1', 'd2']", true)]
    [TestCase("applicant.district in ['d1', 'd3']", false)]
    [TestCase("one in [2, 1.0]", true)]
    [TestCase("'a' in tags", true)]
    [TestCase("'c' not in tags", true)]
    [TestCase("'a' in missing", false)]
    [TestCase("missing in [null]", true)]
    public void Should_test_membership_in_a_list(string text, bool expected) => Guard(text).ShouldBe(expected);

    [TestCase("empty(missing)", true)]
    [TestCase("empty(nothing)", true)]
    [TestCase("empty(empty)", true)]
    [TestCase("empty([])", true)]
    [TestCase("empty(tags)", false)]
    [TestCase("empty(name)", false)]
    [TestCase("empty(paid)", false)]
    [TestCase("!empty(name) && name != ''", true)]
    public void Should_tell_what_is_empty(string text, bool expected) => Guard(text).ShouldBe(expected);

    [TestCase("null", false)]
    [TestCase("false", false)]
    [TestCase("0", false)]
    [TestCase("0.0", false)]
    [TestCase("''", false)]
    [TestCase("empty", false)]
    [TestCase("1", true)]
    [TestCase("'no'", true)]
    [TestCase("tags", true)]
    [TestCase("applicant", true)]
    public void Should_treat_null_false_zero_and_empty_text_as_false(string text, bool expected) => Guard(text).ShouldBe(expected);
}

public sealed class When_an_expression_computes_a_value
{
    private static readonly JsonObject Variables = new() { ["fee"] = 50000, ["rate"] = 0.5m, ["first"] = "Nguyen", ["zero"] = 0 };

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(string text) => Expression.Parse(text).Evaluate(Variables)?.ToJsonString(Readable) ?? "null";

    [TestCase("fee * rate + 1", "25001.0")]
    [TestCase("fee - 2 * 3", "49994")]
    [TestCase("(fee - 2) * 3", "149994")]
    [TestCase("fee / 4", "12500")]
    [TestCase("-fee", "-50000")]
    [TestCase("- -1", "1")]
    [TestCase("first + ' Van'", "\"Nguyen Van\"")]
    [TestCase("'it\\'s'", "\"it's\"")]
    [TestCase("fee / zero", "null")]
    [TestCase("fee + 'x'", "null")]
    [TestCase("missing + 1", "null")]
    [TestCase("-first", "null")]
    [TestCase("fee > 1", "true")]
    [TestCase("[1, 'a', fee]", "[1,\"a\",50000]")]
    [TestCase("79228162514264337593543950335 + 1", "null")]
    public void Should_give_the_value(string text, string json) => Json(text).ShouldBe(json);

    [Test]
    public void Should_return_a_value_that_can_be_stored_elsewhere()
    {
        var value = Expression.Parse("first").Evaluate(Variables);
        var target = new JsonObject { ["copy"] = value };
        target["copy"]!.GetValue<string>().ShouldBe("Nguyen");
        Variables["first"]!.GetValue<string>().ShouldBe("Nguyen");
    }

    [Test]
    public void Should_read_numbers_the_same_way_in_every_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("vi-VN"); // decimal comma
            Json("1.5 * 2").ShouldBe("3.0");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}

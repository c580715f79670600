using Engine.Expressions;

namespace Engine.Tests.Expressions;

public sealed class When_an_expression_does_not_parse
{
    [TestCase("amount > 100 )", "unexpected ')' at 14")]
    [TestCase("a == (1", "expected ')' but found end of expression at 8")]
    [TestCase("a ==", "unexpected end of expression at 5")]
    [TestCase("a and", "unexpected end of expression at 6")]
    [TestCase("", "empty expression")]
    [TestCase("   ", "empty expression")]
    [TestCase("name == 'abc", "unterminated string starting at 9")]
    [TestCase("a # b", "unexpected character '#' at 3")]
    [TestCase("a = 1", "unexpected character '=' at 3")]
    [TestCase("a & b", "unexpected character '&' at 3")]
    [TestCase("$ == 1", "expected a variable name after '$' at 1")]
    [TestCase("system(1)", "unknown function 'system' at 1")]
    [TestCase("x in [1, 2", "expected ']' but found end of expression at 11")]
    [TestCase("a == 1 b", "unexpected 'b' at 8")]
    [TestCase("and", "unexpected 'and' at 1")]
    [TestCase("a < b < c", "unexpected '<' at 7")]
    public void Should_say_what_is_wrong_and_where(string text, string error)
    {
        Expression.TryParse(text, out var expression, out var message).ShouldBeFalse();
        expression.ShouldBeNull();
        message.ShouldBe(error);
    }

    [Test]
    public void Should_refuse_nesting_deep_enough_to_overflow_the_stack()
    {
        Expression.TryParse(new string('(', 1000) + "1" + new string(')', 1000), out _, out var error).ShouldBeFalse();
        error.ShouldBe("expression is nested too deeply at 65");
    }

    [Test]
    public void Should_throw_a_format_exception_from_parse() =>
        Should.Throw<FormatException>(() => Expression.Parse("(")).Message.ShouldBe("unexpected end of expression at 2");
}

public sealed class When_an_expression_parses
{
    [TestCase("applicant.age >= 18 && district in ['d1', \"d2\"]")]
    [TestCase("$fee * 2 + 1 > 100 or not paid")]
    [TestCase("!empty(decision) and decision != 'refuse'")]
    [TestCase("x not in [1, 2.5, null, true]")]
    [TestCase("-(a - 1) / 2 <= -0.5")]
    [TestCase("$and == $or")]
    public void Should_succeed_without_error(string text)
    {
        Expression.TryParse(text, out var expression, out var error).ShouldBeTrue();
        error.ShouldBeNull();
        expression!.Text.ShouldBe(text);
    }
}

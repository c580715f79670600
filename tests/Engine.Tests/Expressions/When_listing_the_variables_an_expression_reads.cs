using Engine.Expressions;

namespace Engine.Tests.Expressions;

public sealed class When_listing_the_variables_an_expression_reads
{
    private static IReadOnlyList<string> Variables(string text) => Expression.Parse(text).Variables();

    [Test]
    public void Should_find_none_in_constants() => Variables("1 + 2 > 'a' and not false").ShouldBeEmpty();

    [Test]
    public void Should_give_dotted_paths_whole() => Variables("applicant.age >= 18").ShouldBe(["applicant.age"]);

    [Test]
    public void Should_list_each_once_in_the_order_written() =>
        Variables("fee * copies + fee > limit or copies == 0").ShouldBe(["fee", "copies", "limit"]);

    [Test]
    public void Should_look_inside_every_kind_of_node() =>
        Variables("not empty(a) && -b < 0 || c in [d, 1] and e not in f").ShouldBe(["a", "b", "c", "d", "e", "f"]);

    [Test]
    public void Should_read_a_dollar_name_without_the_dollar() => Variables("$in == $x.y").ShouldBe(["in", "x.y"]);

    [Test]
    public void Should_not_take_functions_or_words_for_variables() => Variables("empty(x) and true or null == y").ShouldBe(["x", "y"]);

    [Test]
    public void Should_walk_a_chain_too_long_to_recurse_over()
    {
        // The parser's nesting limit does not bound a flat chain: 20,000 terms make a tree 20,000 deep.
        var text = string.Join(" + ", Enumerable.Range(0, 20_000).Select(i => $"v{i % 3}"));
        Variables(text).ShouldBe(["v0", "v1", "v2"]);
    }
}

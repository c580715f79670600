using System.Text.Json.Nodes;

namespace Engine.Expressions;

/// <summary>
/// A parsed guard or value expression over instance variables, e.g.
/// <c>applicant.age &gt;= 18 and district in ['d1', 'd2']</c>. The language has no side effects, loops or
/// access to .NET: it is a tokenizer, a recursive-descent parser and a tree walk over JSON values.
/// </summary>
public sealed class Expression
{
    private readonly Node _root;

    private Expression(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the 1-based position.</summary>
    public static bool TryParse(string text, out Expression? expression, out string? error)
    {
        try
        {
            text ??= "";
            expression = new Expression(text, Parser.Parse(text));
            error = null;
            return true;
        }
        catch (ExpressionSyntaxException e)
        {
            expression = null;
            error = e.Message;
            return false;
        }
    }

    public static Expression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression! : throw new FormatException(error);

    /// <summary>
    /// The variable paths the expression reads (<c>applicant.age</c>, <c>$in</c> as <c>in</c>), each once, in the order
    /// written; whether evaluation would reach them (<c>and</c>, <c>or</c> short-circuit) does not matter.
    /// </summary>
    public IReadOnlyList<string> Variables() => VariableReads.Of(_root);

    /// <summary>The value; missing variables read as null. The result is a copy the caller may store.</summary>
    public JsonNode? Evaluate(JsonObject variables) => _root.Evaluate(variables)?.DeepClone();

    /// <summary>The value's truthiness: null, false, 0 and "" are false.</summary>
    public bool EvaluateBool(JsonObject variables) => JsonValues.Truthy(_root.Evaluate(variables));

    public override string ToString() => Text;
}

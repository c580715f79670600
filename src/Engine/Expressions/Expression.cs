// PLACEHOLDER: replaced by the defs branch at merge.
using System.Text.Json.Nodes;
namespace Engine.Expressions;
public sealed class Expression
{
    private readonly string _var; private readonly string _op; private readonly string _lit;
    private Expression(string v, string op, string lit) { _var = v; _op = op; _lit = lit; }
    public static bool TryParse(string text, out Expression? expression, out string? error)
    {
        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        expression = parts.Length == 3 ? new Expression(parts[0], parts[1], parts[2].Trim('\'')) : parts.Length == 1 ? new Expression(parts[0], "", "") : null;
        error = expression is null ? "bad" : null; return expression is not null;
    }
    public JsonNode? Evaluate(JsonObject variables)
    {
        var v = variables.TryGetPropertyValue(_var.TrimStart('$'), out var n) ? n : null;
        if (_op == "") return v?.DeepClone();
        var s = v?.ToString();
        return _op switch { "==" => s == _lit, "!=" => s != _lit, ">" => decimal.TryParse(s, out var d) && d > decimal.Parse(_lit), _ => false };
    }
    public bool EvaluateBool(JsonObject variables) => Evaluate(variables) is JsonValue j && j.TryGetValue<bool>(out var b) && b;
}
public static class ValueExpression
{
    public static string? Resolve(string? expression, JsonObject variables) =>
        expression is null ? null : expression.StartsWith('$') ? (variables.TryGetPropertyValue(expression.Trim('$', '{', '}'), out var n) ? n?.ToString() : null) : expression;
}

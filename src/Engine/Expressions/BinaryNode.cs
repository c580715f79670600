using System.Text.Json.Nodes;

namespace Engine.Expressions;

/// <summary>Comparison and arithmetic. Mismatched types give false (comparisons) or null (arithmetic).</summary>
internal sealed record BinaryNode(string Operator, Node Left, Node Right) : Node
{
    public override IEnumerable<Node> Children => [Left, Right];

    public override JsonNode? Evaluate(JsonObject variables)
    {
        var left = Left.Evaluate(variables);
        var right = Right.Evaluate(variables);
        return Operator switch
        {
            "==" => JsonValues.Equal(left, right),
            // The negation of ==, so `status != 'done'` holds while status is still missing.
            "!=" => !JsonValues.Equal(left, right),
            "<" => JsonValues.Compare(left, right) < 0,
            "<=" => JsonValues.Compare(left, right) <= 0,
            ">" => JsonValues.Compare(left, right) > 0,
            ">=" => JsonValues.Compare(left, right) >= 0,
            "+" when JsonValues.Text(left) is { } a && JsonValues.Text(right) is { } b => a + b,
            _ => Arithmetic(JsonValues.Number(left), JsonValues.Number(right)),
        };
    }

    private JsonNode? Arithmetic(decimal? left, decimal? right)
    {
        if (left is not { } a || right is not { } b) return null;
        try
        {
            return Operator switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" when b == 0 => null,
                "/" => a / b,
                _ => throw new InvalidOperationException($"Unknown operator '{Operator}'."),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}

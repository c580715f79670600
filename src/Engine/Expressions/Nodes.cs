using System.Text.Json.Nodes;

namespace Engine.Expressions;

/// <summary>A parsed expression tree; evaluation only reads the variables it is given.</summary>
internal abstract record Node
{
    public abstract JsonNode? Evaluate(JsonObject variables);

    /// <summary>The operands, left to right, so a walk over the tree (<see cref="VariableReads"/>) needs no case per node.</summary>
    public virtual IEnumerable<Node> Children => [];
}

internal sealed record LiteralNode(JsonNode? Value) : Node
{
    public override JsonNode? Evaluate(JsonObject variables) => Value;
}

internal sealed record VariableNode(string Path) : Node
{
    public override JsonNode? Evaluate(JsonObject variables) => JsonValues.Lookup(variables, Path);
}

internal sealed record ListNode(IReadOnlyList<Node> Items) : Node
{
    public override IEnumerable<Node> Children => Items;

    // Items are cloned: a JsonNode can belong to one parent only, and variables must stay untouched.
    public override JsonNode? Evaluate(JsonObject variables) =>
        new JsonArray(Items.Select(i => i.Evaluate(variables)?.DeepClone()).ToArray());
}

internal sealed record NotNode(Node Operand) : Node
{
    public override IEnumerable<Node> Children => [Operand];

    public override JsonNode? Evaluate(JsonObject variables) => !JsonValues.Truthy(Operand.Evaluate(variables));
}

internal sealed record NegateNode(Node Operand) : Node
{
    public override IEnumerable<Node> Children => [Operand];

    public override JsonNode? Evaluate(JsonObject variables) =>
        JsonValues.Number(Operand.Evaluate(variables)) is { } n ? JsonValue.Create(-n) : null;
}

/// <summary><c>&amp;&amp;</c>/<c>||</c>: short-circuit, and always a boolean.</summary>
internal sealed record LogicalNode(bool IsAnd, Node Left, Node Right) : Node
{
    public override IEnumerable<Node> Children => [Left, Right];

    public override JsonNode? Evaluate(JsonObject variables)
    {
        var left = JsonValues.Truthy(Left.Evaluate(variables));
        if (IsAnd ? !left : left) return left;
        return JsonValues.Truthy(Right.Evaluate(variables));
    }
}

internal sealed record InNode(Node Item, Node List) : Node
{
    public override IEnumerable<Node> Children => [Item, List];

    /// <summary>False when the right side is not a list (e.g. a missing variable).</summary>
    public override JsonNode? Evaluate(JsonObject variables)
    {
        var item = Item.Evaluate(variables);
        return List.Evaluate(variables) is JsonArray list && list.Any(e => JsonValues.Equal(item, e));
    }
}

internal sealed record EmptyNode(Node Argument) : Node
{
    public override IEnumerable<Node> Children => [Argument];

    public override JsonNode? Evaluate(JsonObject variables) => JsonValues.IsEmpty(Argument.Evaluate(variables));
}

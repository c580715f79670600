namespace Engine.Expressions;

/// <summary>
/// The variables an expression reads, so the validator can check that each is defined somewhere. Walks with its own
/// stack: a long chain such as <c>a + a + … + a</c> is a deep tree that the parser's nesting limit does not bound.
/// </summary>
internal static class VariableReads
{
    /// <summary>Each variable path once, in the order written.</summary>
    public static IReadOnlyList<string> Of(Node root)
    {
        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Node>([root]);
        while (pending.TryPop(out var node))
        {
            if (node is VariableNode variable && seen.Add(variable.Path)) paths.Add(variable.Path);
            foreach (var child in node.Children.Reverse()) pending.Push(child);
        }
        return paths;
    }
}

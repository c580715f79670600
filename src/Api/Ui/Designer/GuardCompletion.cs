namespace Api.Ui.Designer;

/// <summary>
/// What the route guard box offers while the officer types: the variables in scope at the step (the workflow's inputs and
/// instance variables, the form fields, set variables and outputs of the step itself and of every step that can come before
/// it) and the expression language's operators, narrowed to those starting with the word being typed.
/// </summary>
public static class GuardCompletion
{
    /// <summary>The expression language's operators (Engine.Expressions.Tokenizer), as a guard writes them.</summary>
    public static IReadOnlyList<string> Operators { get; } = ["==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "(", ")", "true", "false", "null"];

    public static IReadOnlyList<string> Variables(DesignerModel model, string stepId)
    {
        var before = new HashSet<string>(StringComparer.Ordinal) { stepId };
        var edges = model.Edges();
        var queue = new Queue<string>([stepId]);
        while (queue.TryDequeue(out var id))
            foreach (var edge in edges.Where(e => e.To == id && before.Add(e.From))) queue.Enqueue(edge.From);
        return model.Header.Inputs.Select(i => i.Name)
            .Concat(model.Nodes.Where(n => before.Contains(n.Id)).SelectMany(n => n.Step.Form.Select(f => f.Name).Concat(n.Step.Set.Keys).Concat(n.Step.Outputs)))
            .Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The name being typed at the end of the guard (letters, digits, '_' and '.'); empty after a space, an operator or a number.</summary>
    public static string Partial(string? guard)
    {
        var text = guard ?? "";
        var start = text.Length;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '.')) start--;
        return start < text.Length && char.IsDigit(text[start]) ? "" : text[start..];
    }

    /// <summary>Variables first, then operators, that start with the word being typed (all of them when nothing is being typed).</summary>
    public static IReadOnlyList<string> Suggest(string? guard, IReadOnlyList<string> variables)
    {
        var partial = Partial(guard);
        return [.. variables.Concat(Operators).Where(s => s.StartsWith(partial, StringComparison.OrdinalIgnoreCase) && s != partial)];
    }

    /// <summary>The guard with the word being typed replaced by <paramref name="suggestion"/> (appended, spaced, when none is).</summary>
    public static string Apply(string? guard, string suggestion)
    {
        var text = (guard ?? "").TrimEnd();
        var partial = Partial(guard);
        if (partial.Length > 0 && (guard ?? "").EndsWith(partial, StringComparison.Ordinal)) return guard![..^partial.Length] + suggestion;
        return text.Length == 0 ? suggestion : text + " " + suggestion;
    }
}

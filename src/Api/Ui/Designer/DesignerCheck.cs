using System.Text.RegularExpressions;
using Engine.Definitions;
using Procedures.Calendar;

namespace Api.Ui.Designer;

/// <summary>A validation problem placed on what it concerns: a step (by id), a route (by its path), or the procedure as a whole.</summary>
public sealed record PlacedProblem(DefinitionProblem Problem, string? StepId, string? EdgePath);

/// <summary>
/// What the engine's validator says about the drawing, problem by problem on the step or route its path names, and the budget
/// sum along the longest path beside the procedure's legal time limit from the catalogue.
/// </summary>
public sealed partial record DesignerCheck(IReadOnlyList<PlacedProblem> Problems, WorkingTime LongestPath, IReadOnlyList<string> LongestSteps,
    WorkingTime? CatalogueLimit)
{
    /// <summary>True when the longest path's budgets exceed the catalogue's legal time limit.</summary>
    public bool OverCatalogueLimit => CatalogueLimit is { } limit && LongestPath > limit;

    public IEnumerable<PlacedProblem> On(string stepId) => Problems.Where(p => p.StepId == stepId);

    public IEnumerable<PlacedProblem> OnEdge(string path) => Problems.Where(p => p.EdgePath == path);

    public static DesignerCheck Run(DesignerModel model, DefinitionValidationContext? context, LegalTimeLimit? catalogue)
    {
        var definition = model.Save();
        var edges = model.Edges();
        var problems = DefinitionValidator.Validate(definition, context).Select(p => Place(p, model, edges)).ToList();
        var total = DefinitionValidator.LongestPathBudget(definition, out var path);
        return new DesignerCheck(problems, total, path, catalogue is null ? null : AsWorkingTime(catalogue));
    }

    /// <summary>A catalogue limit as working time: the same day counts as one working day.</summary>
    public static WorkingTime AsWorkingTime(LegalTimeLimit limit) => limit.Kind switch
    {
        LegalTimeLimitKind.WorkingHours => WorkingTime.Hours(limit.Amount),
        LegalTimeLimitKind.SameDay => WorkingTime.Days(1),
        _ => WorkingTime.Days(limit.Amount),
    };

    private static PlacedProblem Place(DefinitionProblem problem, DesignerModel model, IReadOnlyList<DesignEdge> edges)
    {
        var match = StepPath().Match(problem.Path);
        if (!match.Success) return new PlacedProblem(problem, null, null);
        var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var step = index < model.Nodes.Count ? model.Nodes[index].Id : null;
        var edge = edges.FirstOrDefault(e => problem.Path == e.Path || problem.Path.StartsWith(e.Path + ".", StringComparison.Ordinal));
        return new PlacedProblem(problem, step, edge?.Path);
    }

    [GeneratedRegex(@"^steps\[(\d+)\]")]
    private static partial Regex StepPath();
}

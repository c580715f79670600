namespace Worker.Hosting;

/// <summary>Thrown at start when the workflow files cannot all be loaded; the host does not start.</summary>
public sealed class WorkflowDefinitionsException(string folder, IReadOnlyList<string> problems)
    : Exception($"The workflow definitions in {folder} have {problems.Count} problem(s):{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems))
{
    public string Folder { get; } = folder;
    public IReadOnlyList<string> Problems { get; } = problems;
}

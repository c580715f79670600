namespace Engine.Runtime;

/// <summary>
/// The running instance's update, in the shapes a transition needs: its variables kept, merged with the names the
/// transition set, or replaced (see <see cref="InstanceVariables.ForWrite"/>); an outcome and an end only when it ended
/// (a running instance has neither: written as NULL in the text, not sent). Parameters: $1 status, $2 tokens, $3 time,
/// $4 id, $5 expected revision, then the variables, the outcome and the end, each only when its shape has it.
/// </summary>
internal static class InstanceUpdate
{
    public const int Kept = 0, Merged = 1, Replaced = 2;

    private static readonly string[] Shapes = Enumerable.Range(0, 12).Select(i => Build(i / 4, (i & 1) != 0, (i & 2) != 0)).ToArray();

    public static string Sql(int variables, bool outcome, bool completed) => Shapes[variables * 4 + (outcome ? 1 : 0) + (completed ? 2 : 0)];

    private static string Build(int variables, bool outcome, bool completed)
    {
        var next = 6;
        var set = variables switch
        {
            Merged => $"variables = variables || ${next++}, ",
            Replaced => $"variables = ${next++}, ",
            _ => "",
        };
        var outcomeValue = outcome ? $"${next++}" : "NULL";
        var completedValue = completed ? $"${next}" : "NULL";
        return $"UPDATE engine.instances SET status = $1, {set}tokens = $2, revision = revision + 1, updated_at = $3, " +
            $"outcome = {outcomeValue}, completed_at = {completedValue} WHERE id = $4 AND revision = $5";
    }
}

using Microsoft.JSInterop;
using Procedures.Statistics;

namespace Api.Ui.Stats;

/// <summary>
/// The columns a user hid in the dashboard table, kept in the browser's local storage under their sign-in name, so a leader
/// at 1366 px keeps the few columns they read. The on-time rate is not among them: it stands first and cannot be hidden.
/// </summary>
public static class DashboardColumns
{
    public const string AverageDays = "AverageDays";
    public const string P90Days = "P90Days";

    /// <summary>Every column that can be hidden, in the table's order.</summary>
    public static IReadOnlyList<string> Optional { get; } = [.. FigureCells.Columns.Select(f => f.ToString()), AverageDays, P90Days];

    private static string Key(string userName) => $"iso.dashboard.hidden-columns.{userName}";

    public static async Task<HashSet<string>> LoadAsync(IJSRuntime js, string userName)
    {
        var stored = await js.InvokeAsync<string?>("localStorage.getItem", Key(userName));
        return [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(Optional.Contains)];
    }

    public static async Task SaveAsync(IJSRuntime js, string userName, IEnumerable<string> hidden) =>
        await js.InvokeVoidAsync("localStorage.setItem", Key(userName), string.Join(',', hidden));

    public static IEnumerable<StatisticsFigure> Shown(IReadOnlySet<string> hidden) => FigureCells.Columns.Where(f => !hidden.Contains(f.ToString()));
}

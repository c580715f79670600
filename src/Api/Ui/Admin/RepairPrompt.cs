using Api.Ui.Components.Pages.Admin;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Procedures.Common;

namespace Api.Ui.Admin;

/// <summary>
/// Every repair on the pages goes the same way: a dialog says what the repair does and asks for the reason, the repair runs
/// with it, and a message says how it went (the domain's own words when it was refused).
/// </summary>
public sealed class RepairPrompt(IDialogService dialogs, ISnackbar snackbar, IStringLocalizer<AdminText> text)
{
    /// <summary>
    /// True when the repair was done; false when cancelled or refused. <paramref name="stale"/>, when given, gets the stale message of a
    /// repair refused because the dossier changed since the page showed it, so the page can say it where it offers to reload.
    /// </summary>
    public async Task<bool> RunAsync<T>(string title, string explanation, Func<string, Task<DomainResult<T>>> repair, Func<T, string>? done = null,
        Func<string, Task>? stale = null)
    {
        var parameters = new DialogParameters<ReasonDialog> { { d => d.Explanation, explanation } };
        var dialog = await dialogs.ShowAsync<ReasonDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason }) return false;
        var result = await repair(reason);
        return stale is null ? Report(result, done) : await ReportAsync(result, stale, done);
    }

    /// <summary>As <see cref="Report{T}"/>, except that a stale refusal goes to <paramref name="stale"/> (the dossier's own stale message).</summary>
    public async Task<bool> ReportAsync<T>(DomainResult<T> result, Func<string, Task> stale, Func<T, string>? done = null)
    {
        if (result.Error is not { Kind: ErrorKind.Stale } changed) return Report(result, done);
        await stale(Api.Ui.Text.Error(changed)!);
        return false;
    }

    /// <summary>Says how a repair went; true when it was done.</summary>
    public bool Report<T>(DomainResult<T> result, Func<T, string>? done = null)
    {
        if (result.Error is { } error)
        {
            snackbar.Add(Api.Ui.Text.Error(error)!, Severity.Error);
            return false;
        }
        snackbar.Add(done?.Invoke(result.Value!) ?? text["RepairDone"], Severity.Success);
        return true;
    }
}

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
    /// <summary>True when the repair was done; false when cancelled or refused.</summary>
    public async Task<bool> RunAsync<T>(string title, string explanation, Func<string, Task<DomainResult<T>>> repair, Func<T, string>? done = null)
    {
        var parameters = new DialogParameters<ReasonDialog> { { d => d.Explanation, explanation } };
        var dialog = await dialogs.ShowAsync<ReasonDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason }) return false;
        return Report(await repair(reason), done);
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

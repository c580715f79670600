using Api.Ui.Components.Shared;
using MudBlazor;

namespace Api.Ui;

/// <summary>
/// The actions that refuse, withdraw, stop or remove something: their buttons are in the error colour and they are confirmed
/// in a dialog first, so they do not look like, or go off as easily as, an approval.
/// </summary>
public static class Confirmations
{
    private static readonly HashSet<string> DestructiveActions = new(StringComparer.Ordinal)
        { "refuse", "reject", "withdraw", "cancel", "stop", "terminate", "decline" };

    /// <summary>A workflow action whose name says it ends the dossier against the applicant or the applicant's wish.</summary>
    public static bool IsDestructive(string actionName) =>
        DestructiveActions.Contains(actionName) || DestructiveActions.Any(d => actionName.StartsWith(d + "-", StringComparison.Ordinal));

    /// <summary>Shows <see cref="ConfirmDialog"/>; true when the person confirmed, false when they cancelled or closed it.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, bool destructive = true)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { x => x.Message, message }, { x => x.ConfirmText, confirmText }, { x => x.Destructive, destructive },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}

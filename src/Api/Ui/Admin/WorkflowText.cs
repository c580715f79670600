using Microsoft.Extensions.Localization;

namespace Api.Ui.Admin;

/// <summary>The engine's words (statuses, kinds, history entries) in the UI's language; an unknown one is shown as it is.</summary>
public static class WorkflowText
{
    public static string Of(IStringLocalizer<AdminText> text, string prefix, string? value) =>
        value is null ? "—" : text[$"{prefix}_{value}"] is { ResourceNotFound: false } found ? found.Value : value;

    public static MudBlazor.Color IncidentColor(string status) => status switch
    {
        "Open" => MudBlazor.Color.Error, "Retrying" => MudBlazor.Color.Warning, _ => MudBlazor.Color.Success,
    };

    public static MudBlazor.Color InstanceColor(string status) => status switch
    {
        "Running" => MudBlazor.Color.Success, "Suspended" => MudBlazor.Color.Warning, "Cancelled" => MudBlazor.Color.Error, _ => MudBlazor.Color.Default,
    };
}

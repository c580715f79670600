using System.ComponentModel.DataAnnotations;

namespace Api.Ui.Components.Pages.Account;

/// <summary>The sign-in form; messages come from the UI's resources so they follow the chosen language.</summary>
public sealed class SignInForm
{
    [Required(ErrorMessageResourceType = typeof(UiRequired), ErrorMessageResourceName = nameof(UiRequired.UserName))]
    public string UserName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(UiRequired), ErrorMessageResourceName = nameof(UiRequired.Password))]
    public string Password { get; set; } = "";

    public string? TotpCode { get; set; }
}

using Api.Accounts;
using Api.Problems;

namespace Api.Ui.Components.Pages.Account;

/// <summary>The register page's fields, checked by the API's own request validator before the registration runs.</summary>
public sealed class RegisterForm
{
    public string? FullName { get; set; }
    public string? Login { get; set; }
    public string? Password { get; set; }

    /// <summary>The first field missing or wrong, in the UI's language (the validator names the field); null when it can be sent.</summary>
    public string? Check()
    {
        var result = new RegisterValidator().Validate(new RegisterRequest(FullName ?? "", Login ?? "", Password ?? ""));
        return result.IsValid ? null : result.Errors[0].ErrorMessage;
    }

    /// <summary>A refusal of the registration or the verification in the UI's language.</summary>
    public static string Say(RegistrationRefusal refusal) => refusal.Identity is { } identity
        ? string.Join(" ", identity.Errors.Select(e => UiServices.IsEnglish ? e.Description : IdentityTexts.Vietnamese(e)))
        : UiServices.IsEnglish ? refusal.En : refusal.Vi;
}

using Procedures.Common;

namespace Api.Ui.Admin;

/// <summary>A use case's refusal shown on the field it names, or above the form when it names none of the form's fields.</summary>
public sealed class FormErrors(params string[] fields)
{
    public DomainError? Error { get; set; }

    public bool Has(string field) => Error?.Field is { } f && string.Equals(f, field, StringComparison.OrdinalIgnoreCase);

    public string? For(string field) => Has(field) ? Text.Error(Error) : null;

    public string? Other => Error is { } e && !fields.Any(Has) ? Text.Error(e) : null;
}

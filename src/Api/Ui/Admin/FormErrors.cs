using Procedures.Common;

namespace Api.Ui.Admin;

/// <summary>
/// A form's refusals, each shown on the field it names, or above the form when it names none of the form's fields: one from a
/// use case (<see cref="Error"/>), or every problem the page found before sending (<see cref="Errors"/>), shown at once.
/// </summary>
public sealed class FormErrors(params string[] fields)
{
    private readonly List<DomainError> _errors = [];

    public DomainError? Error
    {
        get => _errors.FirstOrDefault();
        set => Errors = value is null ? [] : [value];
    }

    public IReadOnlyList<DomainError> Errors
    {
        get => _errors;
        set { _errors.Clear(); _errors.AddRange(value); }
    }

    public bool Has(string field) => Find(field) is not null;

    public string? For(string field) => Find(field) is { } error ? Text.Error(error) : null;

    public string? Other => _errors.FirstOrDefault(e => !fields.Any(f => Names(e, f))) is { } e ? Text.Error(e) : null;

    private DomainError? Find(string field) => _errors.FirstOrDefault(e => Names(e, field));

    private static bool Names(DomainError error, string field) => error.Field is { } f && string.Equals(f, field, StringComparison.OrdinalIgnoreCase);
}

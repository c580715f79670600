using Procedures.Dossiers;

namespace Api.Ui;

/// <summary>
/// The applicant fields of the reception desk and the online submission, checked by <see cref="ApplicantRules"/> before the
/// use case sees them: every problem at once, each shown under its field.
/// </summary>
public sealed class ApplicantForm
{
    public string? FullName { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    /// <summary>The problems found by the last <see cref="Check"/>, by field (<c>fullName</c>, <c>idNumber</c>, <c>phone</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public bool Has(string field) => Errors.ContainsKey(field);

    public string? For(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Every problem, in the UI's language, joined for the summary above the button; null when the form can be sent.</summary>
    public string? Check()
    {
        var errors = ApplicantRules.Check(new ApplicantData(FullName ?? "", IdNumber, Phone, Email, Address));
        Errors = errors.GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => Text.Error(g.First())!);
        return Errors.Count == 0 ? null : string.Join(" ", Errors.Values);
    }

    public ApplicantData ToData() => new(FullName!.Trim(), Blank(IdNumber), Blank(Phone), Blank(Email), Blank(Address));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

namespace Procedures.Common;

/// <summary>
/// The dates and years a user may type into a search, a statistic, a report or a quality record. The working calendar
/// is computed for 1900–2199 and date arithmetic near <see cref="DateOnly.MinValue"/> or <see cref="DateOnly.MaxValue"/>
/// overflows, so anything outside these bounds is a typing error, refused naming its field.
/// </summary>
public static class InputRanges
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1), LatestDate = new(2100, 12, 31);

    /// <summary>Reports and quality records start with the electronic one-stop shops; none predates 2000.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    public static DomainError? Date(DateOnly? date, string field) => date is { } d && (d < EarliestDate || d > LatestDate)
        ? DomainError.Invalid(field, "date-out-of-range", "Ngày phải trong khoảng 01/01/1900 đến 31/12/2100.", "The date must be between 1900-01-01 and 2100-12-31.")
        : null;

    public static DomainError? Period(DateOnly? from, DateOnly? to, string fromField = "from", string toField = "to") =>
        Date(from, fromField) ?? Date(to, toField);

    public static DomainError? Year(int? year, string field = "year") => year is { } y && (y < FirstYear || y > LastYear)
        ? DomainError.Invalid(field, "year-out-of-range", $"Năm phải trong khoảng {FirstYear}–{LastYear}.", $"The year must be between {FirstYear} and {LastYear}.")
        : null;
}

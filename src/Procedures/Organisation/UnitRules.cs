using Procedures.Common;

namespace Procedures.Organisation;

/// <summary>
/// The checks of a new unit that need no database (code format, name, type chosen, phone, email, office hours): every problem,
/// each naming its field, so the page shows them all at once; <see cref="CreateUnitHandler"/> takes the first.
/// </summary>
public static class UnitRules
{
    public static IReadOnlyList<DomainError> Check(CreateUnit request) => new[]
    {
        FieldRules.CheckUnitCode(request.Code),
        FieldRules.Required("name", request.Name, 300, "tên đơn vị"),
        string.IsNullOrWhiteSpace(request.TypeCode)
            ? DomainError.Invalid("typeCode", "required", "Vui lòng chọn loại đơn vị.", "Choose the unit type.") : null,
        FieldRules.CheckPhone(FieldRules.Blank(request.Phone)),
        FieldRules.CheckEmail(FieldRules.Blank(request.Email)),
        FieldRules.CheckOfficeHours(FieldRules.Blank(request.OfficeHours)),
    }.OfType<DomainError>().ToList();
}

namespace Procedures.Organisation;

/// <summary>A unit as the admin use cases return it.</summary>
public sealed record UnitView(
    Guid Id, string Code, string Name, string? NameEn, string TypeCode, Guid? ParentId, string Path,
    string? Address, string? Phone, string? Email, string? OfficeHours, DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    public static UnitView From(Unit u) => new(u.Id, u.Code, u.Name, u.NameEn, u.TypeCode, u.ParentId, u.Path,
        u.Address, u.Phone, u.Email, u.OfficeHours, u.EffectiveFrom, u.EffectiveTo);
}

using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui;

public sealed record ReceivingUnitOption(Guid Id, string Name);

/// <summary>
/// Where a citizen can send a dossier online: the units with one-stop-shop clerks inside (or equal to) a unit competent for the
/// procedure; the submission use case then finds the competent unit from the receiving unit's ancestry, as at the counter.
/// </summary>
public static class ReceivingUnits
{
    public static async Task<IReadOnlyList<ReceivingUnitOption>> ForAsync(ProceduresDb db, ProcedureDetail procedure, DateOnly today, CancellationToken ct = default)
    {
        var competent = procedure.CompetentUnits.Select(c => c.UnitId.ToString()).ToList();
        var clerkUnits = (await db.Memberships.AsNoTracking().ToListAsync(ct))
            .Where(m => m.IsEffectiveOn(today) && m.Roles.Contains(Role.Clerk)).Select(m => m.UnitId).ToHashSet();
        var units = await db.Units.AsNoTracking().Where(u => clerkUnits.Contains(u.Id)).ToListAsync(ct);
        return units.Where(u => u.IsEffectiveOn(today) && competent.Any(c => u.Id.ToString() == c || u.Path.Contains(c, StringComparison.Ordinal)))
            .OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(u => new ReceivingUnitOption(u.Id, u.Name)).ToList();
    }
}

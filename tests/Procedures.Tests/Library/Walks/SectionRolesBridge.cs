using Microsoft.EntityFrameworkCore;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// Test-only stand-in for a missing product rule (gap G1 in <c>Walks/README.md</c>): the library's steps at
/// <c>$processingUnit</c> are meant for the officials responsible for that unit, "resolved in the unit tree by the
/// procedures layer" (workflows/README.md), but the dossier use cases match the step's unit exactly, and the sample
/// province staffs its specialists and section heads in sections under the commune or department. Until the rule
/// exists, each section official also gets their roles in the section's parent, as an admin could enter them.
/// </summary>
public static class SectionRolesBridge
{
    public static async Task ApplyAsync(ProceduresDb db)
    {
        var sections = await db.Units.AsNoTracking().Where(u => u.TypeCode == "section" && u.ParentId != null).ToDictionaryAsync(u => u.Id, u => u.ParentId!.Value);
        var memberships = await db.Memberships.AsNoTracking().Where(m => sections.Keys.Contains(m.UnitId)).ToListAsync();
        var already = await db.Memberships.AsNoTracking().Select(m => new { m.OfficialId, m.UnitId }).ToListAsync();
        foreach (var m in memberships.Where(m => !already.Contains(new { m.OfficialId, UnitId = sections[m.UnitId] })))
            db.Memberships.Add(new Membership
            {
                Id = Guid.CreateVersion7(), OfficialId = m.OfficialId, UnitId = sections[m.UnitId], Roles = [.. m.Roles], EffectiveFrom = m.EffectiveFrom,
            });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

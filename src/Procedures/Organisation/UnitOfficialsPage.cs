using Microsoft.EntityFrameworkCore;
using Procedures.Common;

namespace Procedures.Organisation;

public enum UnitOfficialSort { Seniority, Name, UserName }

/// <summary>
/// A page of a unit's officials on <paramref name="On"/> (today when null), filtered by a part of the name or sign-in name and
/// sorted in the database, for units with hundreds of officials.
/// </summary>
public sealed record PageUnitOfficials(
    Guid UnitId, string? Text = null, bool IncludeInactive = false, UnitOfficialSort Sort = UnitOfficialSort.Seniority,
    bool Descending = false, int Page = 1, int PageSize = 25, DateOnly? On = null);

public sealed record UnitOfficialsPage(IReadOnlyList<UnitOfficialView> Items, int Total, int Page, int PageSize);

public sealed partial class UnitOfficialsQuery
{
    public const int MaxPageSize = 100;

    public async Task<DomainResult<UnitOfficialsPage>> PageAsync(Actor actor, PageUnitOfficials request, CancellationToken ct = default)
    {
        if (request.Page < 1) return DomainError.Invalid("page", "bad-page", "Số trang phải từ 1 trở lên.", "The page must be at least 1.");
        if (request.PageSize is < 1 or > MaxPageSize)
            return DomainError.Invalid("pageSize", "bad-page-size", $"Số dòng mỗi trang từ 1 đến {MaxPageSize}.", $"The page size is 1 to {MaxPageSize}.");
        if (request.Text?.Length > 100) return DomainError.Invalid("text", "too-long", "Từ khóa dài tối đa 100 ký tự.", "The filter is at most 100 characters.");
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckSees(unit) is { } denied) return denied;
        var day = request.On ?? clock.Today();
        var pattern = string.IsNullOrWhiteSpace(request.Text) ? null : $"%{Escape(request.Text.Trim())}%";

        var rows =
            from m in db.Memberships.AsNoTracking()
            join o in db.Officials.AsNoTracking() on m.OfficialId equals o.Id
            where m.UnitId == unit!.Id && m.EffectiveFrom <= day && (m.EffectiveTo == null || m.EffectiveTo >= day)
                && (request.IncludeInactive || o.IsActive)
                && (pattern == null || EF.Functions.ILike(o.FullName, pattern, "\\") || EF.Functions.ILike(o.UserName, pattern, "\\"))
            select new
            {
                m, o,
                // The organisation chart's order, as the full list sorts in memory: leaders, deputies, heads, specialists, clerks.
                Rank = m.Roles.Contains(Role.UnitLeader) ? 0 : m.Roles.Contains(Role.DeputyLeader) ? 1 : m.Roles.Contains(Role.SectionHead) ? 2
                    : m.Roles.Contains(Role.Specialist) ? 3 : m.Roles.Contains(Role.Clerk) ? 4 : m.Roles.Contains(Role.ConsultedOfficer) ? 5
                    : m.Roles.Contains(Role.UnitAdmin) ? 6 : 7,
            };
        var total = await rows.CountAsync(ct);
        var sorted = (request.Sort, request.Descending) switch
        {
            (UnitOfficialSort.Name, false) => rows.OrderBy(r => r.o.FullName).ThenBy(r => r.o.UserName),
            (UnitOfficialSort.Name, true) => rows.OrderByDescending(r => r.o.FullName).ThenBy(r => r.o.UserName),
            (UnitOfficialSort.UserName, false) => rows.OrderBy(r => r.o.UserName),
            (UnitOfficialSort.UserName, true) => rows.OrderByDescending(r => r.o.UserName),
            (_, false) => rows.OrderBy(r => r.Rank).ThenBy(r => r.o.FullName).ThenBy(r => r.o.UserName),
            (_, true) => rows.OrderByDescending(r => r.Rank).ThenBy(r => r.o.FullName).ThenBy(r => r.o.UserName),
        };
        var page = await sorted.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct);
        return new UnitOfficialsPage([.. page.Select(r => new UnitOfficialView(r.o.Id, r.o.UserName, r.o.FullName, r.o.Position, r.o.Email, r.o.Phone,
            r.o.IsActive, r.m.Id, [.. r.m.Roles], r.m.EffectiveFrom, r.m.EffectiveTo, r.m.DelegatedBy))], total, request.Page, request.PageSize);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>
/// The public catalogue: active procedures whose code or name contains every word of <paramref name="Text"/>,
/// with or without Vietnamese diacritics ("dang ky khai sinh" finds "Đăng ký khai sinh"), filtered and paged.
/// </summary>
public sealed record SearchCatalogue(
    string? Text = null, Guid? SectorId = null, string? Level = null, Channel? Channel = null, int Page = 1, int PageSize = 20);

public sealed record ProcedureSummary(
    Guid Id, string Code, string Name, Guid SectorId, string SectorName, string Level, LegalTimeLimit TimeLimit,
    IReadOnlyList<Channel> Channels, bool IsFree);

public sealed record CataloguePage(IReadOnlyList<ProcedureSummary> Items, int Total, int Page, int PageSize);

public sealed class SearchCatalogueQuery(ProceduresDb db)
{
    public const int MaxPageSize = 100;

    public async Task<DomainResult<CataloguePage>> HandleAsync(SearchCatalogue request, CancellationToken ct = default)
    {
        if (request.Page < 1)
            return DomainError.Invalid("page", "bad-page", "Số trang bắt đầu từ 1.", "Pages start at 1.");
        if (request.PageSize is < 1 or > MaxPageSize)
            return DomainError.Invalid("pageSize", "bad-page-size", $"Mỗi trang từ 1 đến {MaxPageSize} thủ tục.", $"A page holds 1 to {MaxPageSize} procedures.");

        var query = db.Procedures.AsNoTracking().Where(p => p.IsActive);
        foreach (var word in SearchText.Words(request.Text)) query = query.Where(p => p.SearchText.Contains(word));
        if (request.SectorId is { } sectorId) query = query.Where(p => p.SectorId == sectorId);
        if (!string.IsNullOrWhiteSpace(request.Level)) query = query.Where(p => p.Level == request.Level);
        if (request.Channel is { } channel) query = query.Where(p => p.Channels.Contains(channel));

        var total = await query.CountAsync(ct);
        var rows = await (
            from p in query
            join s in db.Sectors on p.SectorId equals s.Id
            orderby s.Code, p.SearchText
            select new { p.Id, p.Code, p.Name, p.SectorId, SectorName = s.Name, p.Level, p.TimeLimitKind, p.TimeLimitAmount, p.Channels, p.Fees })
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct);
        return new CataloguePage(
            rows.Select(r => new ProcedureSummary(r.Id, r.Code, r.Name, r.SectorId, r.SectorName, r.Level, new LegalTimeLimit(r.TimeLimitKind, r.TimeLimitAmount),
                [.. r.Channels], r.Fees.All(f => f.Kind == FeeKind.Free))).ToList(),
            total, request.Page, request.PageSize);
    }
}

using Api.Accounts;
using Api.Admin;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Forms;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Statistics;

/// <summary>Exports as file downloads: the use case checks what the official may see, then the view is rendered.</summary>
public static class Downloads
{
    public const string Excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync<T>(HttpContext http,
        Func<Actor, Task<DomainResult<T>>> useCase, Func<T, Task<byte[]>> render, string contentType, string fileName)
    {
        var acting = await AdminActor.ActingAsync(http);
        if (acting.Error is { } notOfficial) return Problem.From(http, notOfficial);
        var result = await useCase(acting.Value!);
        if (result.Error is { } error) return Problem.From(http, error);
        return TypedResults.File(await render(result.Value!), contentType, fileName);
    }

    /// <summary>The heading of a PDF: the unit and the unit above it, as on the forms.</summary>
    public static async Task<FormAgency> AgencyAsync(ProceduresDb db, Guid unitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var parent = unit.ParentId is { } p ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == p, ct) : null;
        return new FormAgency(unit.Name, parent?.Name, unit.Code, unit.Address, unit.Phone);
    }

    public static async Task<string> UnitNameAsync(ProceduresDb db, Guid unitId, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);

    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType) => builder
        .Produces(200, contentType: contentType).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

    public static RouteHandlerBuilder StatisticsProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
}

using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Catalogue;

/// <summary>Catalogue rows and drafts for tests; workflows to bind procedures to.</summary>
internal static class CatalogueData
{
    public static readonly Fee CertifiedCopyFee = new()
    {
        Name = "Phí chứng thực bản sao", Kind = FeeKind.PerPage, Amount = 2000, FirstPages = 2, NextPageAmount = 1000, MaxPerCopy = 200000,
    };

    public static readonly Fee ExtractCopyFee = new() { Name = "Phí cấp bản sao trích lục", Kind = FeeKind.PerCopy, Amount = 8000 };

    public static readonly Fee Free = new() { Name = "Lệ phí", Kind = FeeKind.Free };

    public static async Task<Sector> AddSectorAsync(ProceduresDb db, string code = "HOTICH", string name = "Hộ tịch")
    {
        var existing = await db.Sectors.SingleOrDefaultAsync(s => s.Code == code);
        if (existing is not null) return existing;
        var sector = new Sector { Id = Guid.CreateVersion7(), Code = code, Name = name };
        db.Sectors.Add(sector);
        await db.SaveChangesAsync();
        return sector;
    }

    public static ProcedureDraft Draft(Guid sectorId, string code = "1.001193", string name = "Đăng ký khai sinh") =>
        new(code, name, DefaultUnitTypes.Commune, sectorId, LegalTimeLimitKind.SameDay, 0, [Channel.Counter, Channel.Online],
            [new DocumentDraft("Tờ khai đăng ký khai sinh", TemplateName: "Tờ khai"), new DocumentDraft("Giấy chứng sinh")], [Free],
            ["Giấy khai sinh"]);

    /// <summary>A procedure written straight to the database (unit types and sector created when missing).</summary>
    public static async Task<Procedure> AddProcedureAsync(ProceduresDb db, string code = "1.001193", string name = "Đăng ký khai sinh")
    {
        await DefaultUnitTypes.EnsureAsync(db);
        var sector = await AddSectorAsync(db);
        var procedure = new Procedure { Id = Guid.CreateVersion7() };
        Draft(sector.Id, code, name).ApplyTo(procedure);
        db.Procedures.Add(procedure);
        await db.SaveChangesAsync();
        return procedure;
    }

    /// <summary>A valid minimal workflow definition with the given id.</summary>
    public static string Workflow(string id) => $"""
        id: {id}
        version: 1
        title: {id}
        legalLimit: 1d
        steps:
          - id: receive
            kind: human
            role: clerk
            budget: 2h
            actions:
              - name: accept
                to: approved
              - name: refuse
                to: refused
          - id: approved
            kind: end
            outcome: approved
          - id: refused
            kind: end
            outcome: refused
        """;
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// The dossier number is taken last in a reception (issue 20), just before the writes that carry it: still one per dossier, in
/// order, with no gap, and the same on the receipt, the dossier, the workflow's variable and business key, and the message.
/// </summary>
public sealed class When_receptions_at_one_shop_take_their_numbers : DossierTest
{
    private const int AtOnce = 32;

    [Test]
    public async Task Should_number_thirty_two_parallel_receptions_one_to_thirty_two_on_each_day()
    {
        string[] days = ["260303", "260304", "260305"];
        for (var i = 0; i < days.Length; i++)
        {
            Clock.Set(Vn(2026, 3, 3 + i, 10));
            var receipts = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => Task.Run(async () => (await Receive(Complete())).Ok())));
            receipts.Select(r => r.Code).Order(StringComparer.Ordinal)
                .ShouldBe(Enumerable.Range(1, AtOnce).Select(n => $"{TestOrg.ShopACode}-{days[i]}-{n:0000}"));
        }

        (await CodesEverywhere()).ShouldAllBe(c => c.Dossier == c.Variable && c.Dossier == c.BusinessKey && c.Dossier == c.Message);
        (await CodesEverywhere()).Count.ShouldBe(AtOnce * days.Length);
        await using var scope = NewScope();
        var sequences = scope.ServiceProvider.GetRequiredService<ProceduresDb>().DossierCodeSequences.ToList();
        sequences.Select(s => s.Last).ShouldBe([AtOnce, AtOnce, AtOnce]);
    }

    [Test]
    public async Task Should_leave_no_gap_when_receptions_fail_after_taking_their_number()
    {
        Clock.Set(Vn(2026, 3, 3, 10));
        // The counter's own competence for one procedure points to a definition never published: its receptions take their
        // number, then the workflow cannot start and they roll back. The other procedure's receptions at the same shop go through.
        await using (var scope = NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
            db.Competences.Add(new Competence
            {
                Id = Guid.NewGuid(), ProcedureId = Org.Business, UnitId = Org.ShopA, WorkflowDefinitionId = "not-published",
                EffectiveFrom = new DateOnly(2020, 1, 1),
            });
            await db.SaveChangesAsync();
        }
        var failing = Enumerable.Range(0, AtOnce).Select(_ => Task.Run(() => Receive(Complete())));
        var passing = Enumerable.Range(0, AtOnce).Select(_ => Task.Run(async () =>
            (await Receive(Complete() with { ProcedureId = Org.Certification, Documents = [], Pages = 2 })).Ok()));
        var all = await Task.WhenAll(failing.Select(async f => (Failed: (await f).Error, Code: (string?)null))
            .Concat(passing.Select(async p => (Failed: (DomainError?)null, Code: (string?)(await p).Code))));

        all.Count(r => r.Failed is { Kind: ErrorKind.Conflict }).ShouldBe(AtOnce);
        all.Where(r => r.Code is not null).Select(r => r.Code!).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(1, AtOnce).Select(n => $"{TestOrg.ShopACode}-260303-{n:0000}"));
        await using (var scope = NewScope())
            scope.ServiceProvider.GetRequiredService<ProceduresDb>().DossierCodeSequences.Single().Last.ShouldBe(AtOnce);
        (await CodesEverywhere()).ShouldAllBe(c => c.Dossier == c.Variable && c.Dossier == c.BusinessKey && c.Dossier == c.Message);
    }

    /// <summary>Each dossier's code as stored, in its workflow's variables and business key, and in its DossierReceived message.</summary>
    private async Task<List<(string Dossier, string? Variable, string? BusinessKey, string? Message)>> CodesEverywhere()
    {
        await using var cmd = DataSource.CreateCommand("""
            SELECT d.code, i.variables ->> 'dossierCode', i.business_key,
                   (SELECT o.payload ->> 'code' FROM engine.outbox o WHERE o.instance_id = i.id AND o.type LIKE '%DossierReceived')
            FROM procedures.dossiers d JOIN engine.instances i ON i.id = d.workflow_instance_id
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        var codes = new List<(string, string?, string?, string?)>();
        while (await r.ReadAsync())
            codes.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        return codes;
    }
}

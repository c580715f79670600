using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Ui.Tests;

/// <summary>
/// Pages read through the use cases, not through HTTP, so they record their reads of personal data themselves: the dossier
/// page, the inbox and the Form 06 register each leave the same audit row as the endpoint that returns the same data.
/// </summary>
public sealed class When_an_official_reads_personal_data_on_pages
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    private async Task<Guid> DossierAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var procedure = await sp.GetRequiredService<Procedures.Persistence.ProceduresDb>().Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == "2.000720");
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.clerk"))!;
        var received = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("ys.clerk", clerk.Memberships.First(m => m.Roles.Contains(Role.Clerk)).UnitId,
            procedure.Id, new ApplicantData("Vũ Thị Nhật Ký", null, "0901000999", null, null), procedure.RequiredDocuments.Select(d => new HandedDocument(d.Id)).ToList()));
        received.Error.ShouldBeNull();
        return received.Value!.DossierId;
    }

    private async Task<List<(string Action, string? User, string? Resource, int Status)>> RowsAsync(string path, DateTime since)
    {
        await using var cmd = _host.App.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT action, user_name, resource_id, status_code FROM accounts.audit_log WHERE path = $1 AND at >= $2 ORDER BY id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = path });
        cmd.Parameters.Add(new NpgsqlParameter { Value = since });
        var rows = new List<(string, string?, string?, int)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3)));
        return rows;
    }

    [Test]
    public async Task Should_audit_the_dossier_page_the_inbox_and_the_register()
    {
        var dossier = await DossierAsync();
        var since = DateTime.UtcNow.AddSeconds(-1);
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync($"/can-bo/ho-so/{dossier}");
        await clerk.Locator("[data-testid=dossier-code]").WaitForAsync();
        await clerk.GoAsync("/can-bo/hop-thu");
        await clerk.Locator("a[href='/can-bo/hop-thu']").First.WaitForAsync();
        var leader = await Browser.NewPageAsync(_host);
        await leader.SignInAsync("ys.leader");
        await leader.GoAsync("/can-bo/bao-cao/so-theo-doi");
        await leader.Locator("h1").First.WaitForAsync();

        await Poll(async () => (await RowsAsync($"/can-bo/ho-so/{dossier}", since)).Contains(("dossier.read", "ys.clerk", dossier.ToString(), 200)));
        await Poll(async () => (await RowsAsync("/can-bo/hop-thu", since)).Any(r => r.Action.StartsWith("inbox.", StringComparison.Ordinal) && r.User == "ys.clerk"));
        await Poll(async () => (await RowsAsync("/can-bo/bao-cao/so-theo-doi", since)).Any(r => r is { Action: "register.read", User: "ys.leader", Status: 200 }));
    }

    private static async Task Poll(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The audit row was not written.");
            await Task.Delay(200);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Persistence;

namespace Procedures.Tests.Dossiers;

public sealed class When_many_clerks_receive_at_once : DossierTest
{
    [Test]
    public async Task Should_give_fifty_dossiers_fifty_distinct_consecutive_codes()
    {
        Clock.Set(Vn(2026, 3, 3, 10));
        var receipts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () => (await Receive(Complete())).Ok())));

        receipts.Select(r => r.Code).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(1, 50).Select(n => $"{TestOrg.ShopACode}-260303-{n:0000}"));
        receipts.Select(r => r.AppointmentAt).Distinct().ShouldBe([Vn(2026, 3, 10, 17)]);
        await using var scope = NewScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        (await db.Dossiers.CountAsync(d => d.WorkflowInstanceId != null)).ShouldBe(50);
        (await db.DossierEvents.CountAsync(e => e.Kind == "Received")).ShouldBe(50);
        (await db.DossierCodeSequences.SingleAsync()).Last.ShouldBe(50);
    }
}

public sealed class When_two_officials_act_on_one_dossier_at_once : DossierTest
{
    [Test]
    public async Task Should_let_one_assign_and_tell_the_other_the_dossier_has_moved_on()
    {
        var id = (await ReceiveComplete()).DossierId;
        var results = await Task.WhenAll(
            Task.Run(() => Assign(id, specialist: TestOrg.SpecialistA)), Task.Run(() => Assign(id, specialist: TestOrg.SpecialistA2)));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Single(r => !r.Succeeded).Fails(Procedures.Common.ErrorKind.Invalid, "action");
        (await Events(id)).Count(e => e.Kind == "Assigned").ShouldBe(1);
    }
}

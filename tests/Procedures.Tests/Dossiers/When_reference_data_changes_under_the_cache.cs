using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.ReferenceData;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// The use cases take officials, units, procedures and competences from <see cref="ReferenceCache"/>; a change made behind its back
/// (here by hand, on another connection, as an operator or another process would) is seen by the very next use case.
/// </summary>
public sealed class When_reference_data_changes_under_the_cache : DossierTest
{
    [SetUp]
    public async Task FillTheCache()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var first = await ReceiveComplete();
        (await Assign(first.DossierId)).Ok();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private long CachedGeneration => Services.GetRequiredService<ReferenceCache>().Current.Generation;

    [Test]
    public async Task Should_refuse_a_clerk_whose_membership_ended_after_the_cache_was_filled()
    {
        var before = CachedGeneration;
        await ExecuteAsync($"DELETE FROM procedures.memberships WHERE official_id = (SELECT id FROM procedures.officials WHERE user_name = '{TestOrg.ClerkA}')");

        (await Receive(Complete())).Fails(ErrorKind.Forbidden);
        CachedGeneration.ShouldBeGreaterThan(before);
        (await CountAsync("SELECT count(*) FROM procedures.dossiers")).ShouldBe(1);
    }

    [Test]
    public async Task Should_receive_for_an_official_made_clerk_after_a_refusal_on_the_cache()
    {
        (await Receive(Complete(TestOrg.SpecialistA))).Fails(ErrorKind.Forbidden);
        await ExecuteAsync($"""
            INSERT INTO procedures.memberships (id, official_id, unit_id, roles, effective_from)
            SELECT gen_random_uuid(), id, '{Org.ShopA}', ARRAY['Clerk'], DATE '2026-01-01' FROM procedures.officials WHERE user_name = '{TestOrg.SpecialistA}'
            """);

        (await Receive(Complete(TestOrg.SpecialistA))).Ok().Status.ShouldBe(DossierStatus.Accepted);
    }

    [Test]
    public async Task Should_refuse_a_procedure_taken_out_of_force_after_the_cache_was_filled()
    {
        await ExecuteAsync($"UPDATE procedures.procedures SET is_active = false WHERE id = '{Org.Business}'");

        (await Receive(Complete())).Fails(ErrorKind.Invalid, "procedureId").Code.ShouldBe("procedure-inactive");
    }

    [Test]
    public async Task Should_refuse_an_assignment_by_a_section_head_who_left_after_the_cache_was_filled()
    {
        var second = await ReceiveComplete();
        await ExecuteAsync($"DELETE FROM procedures.memberships WHERE official_id = (SELECT id FROM procedures.officials WHERE user_name = '{TestOrg.HeadA}')");

        (await Assign(second.DossierId)).Fails(ErrorKind.NotFound);
        (await Load(second.DossierId)).Status.ShouldBe(DossierStatus.Accepted);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Statistics;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Statistics;

/// <summary>Officials read the figures of their own units and below, nothing else.</summary>
public sealed class AccessTests : StatisticsTest
{
    [Test]
    public async Task A_commune_leader_reads_the_commune_but_not_the_province_above_nor_a_sibling_commune()
    {
        var leaderB = Org.ActorFor(Org.CommuneB, StatisticsOrg.LeaderB);
        (await Statistics(new GetStatistics(Org.CommuneB, KnownDossiers.From, KnownDossiers.To), leaderB)).Total.Received.ShouldBe(3);
        (await Handle(leaderB, Org.Province)).Fails(ErrorKind.Forbidden);
        (await Handle(leaderB, Org.CommuneA)).Fails(ErrorKind.NotFound, "unitId");
    }

    [Test]
    public async Task A_specialist_of_a_commune_reads_its_section_below()
    {
        var specialist = Org.ActorFor(Org.CommuneA, StatisticsOrg.SpecialistA, Role.Specialist);
        (await Statistics(new GetStatistics(Org.SectionA1, KnownDossiers.From, KnownDossiers.To), specialist)).Total.Received.ShouldBe(1);
    }

    [Test]
    public async Task A_reversed_or_future_period_is_refused_with_the_field_named()
    {
        (await Handle(Org.ProvinceLeader, Org.Province, KnownDossiers.To, KnownDossiers.From)).Fails(ErrorKind.Invalid, "to");
        (await Handle(Org.ProvinceLeader, Org.Province, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30))).Fails(ErrorKind.Invalid, "from");
    }

    private async Task<DomainResult<StatisticsReport>> Handle(Actor actor, Guid unit, DateOnly? from = null, DateOnly? to = null)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<StatisticsQuery>()
            .HandleAsync(actor, new GetStatistics(unit, from ?? KnownDossiers.From, to ?? KnownDossiers.To));
    }
}

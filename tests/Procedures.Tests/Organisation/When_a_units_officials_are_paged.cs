using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Tests.Organisation;

/// <summary>A unit's officials read a page at a time, filtered and sorted in the database.</summary>
public sealed class When_a_units_officials_are_paged : OrganisationTest
{
    [SetUp]
    public async Task StaffSectionA()
    {
        await AddOfficialAsync("a.leader", SectionA, Role.UnitLeader);
        await AddOfficialAsync("a.head", SectionA, Role.SectionHead);
        for (var i = 1; i <= 23; i++) await AddOfficialAsync($"a.specialist{i:00}", SectionA, Role.Specialist);
        await AddOfficialAsync("a.clerk", SectionA, Role.Clerk);
        var gone = (await AddOfficialAsync("a.gone", SectionA, Role.Specialist)).Official;
        await Handler<DeactivateOfficialHandler>().HandleAsync(SystemAdmin, new DeactivateOfficial(gone.Id));
    }

    private Task<DomainResult<UnitOfficialsPage>> PageAsync(PageUnitOfficials request) => Handler<UnitOfficialsQuery>().PageAsync(SystemAdmin, request);

    [Test]
    public async Task Should_page_in_the_organisation_charts_order_and_count_every_active_official()
    {
        var first = (await PageAsync(new PageUnitOfficials(SectionA.Id, PageSize: 10))).Value!;
        var last = (await PageAsync(new PageUnitOfficials(SectionA.Id, Page: 3, PageSize: 10))).Value!;

        first.Total.ShouldBe(26);
        first.Items.Select(o => o.UserName).Take(3).ShouldBe(["a.leader", "a.head", "a.specialist01"]);
        last.Items.Select(o => o.UserName).ShouldBe(["a.specialist19", "a.specialist20", "a.specialist21", "a.specialist22", "a.specialist23", "a.clerk"]);
        (await PageAsync(new PageUnitOfficials(SectionA.Id, IncludeInactive: true, PageSize: 10))).Value!.Total.ShouldBe(27);
    }

    [Test]
    public async Task Should_filter_by_part_of_a_name_without_taking_wildcards_and_sort_by_sign_in_name_descending()
    {
        var found = (await PageAsync(new PageUnitOfficials(SectionA.Id, Text: "SPECIALIST1", Sort: UnitOfficialSort.UserName, Descending: true))).Value!;

        found.Total.ShouldBe(10);
        found.Items.Select(o => o.UserName).ShouldBe([.. Enumerable.Range(10, 10).Reverse().Select(i => $"a.specialist{i}")]);
        (await PageAsync(new PageUnitOfficials(SectionA.Id, Text: "%"))).Value!.Total.ShouldBe(0);
        (await PageAsync(new PageUnitOfficials(SectionA.Id, Text: "a_clerk"))).Value!.Total.ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_a_bad_page_or_size_naming_it_and_a_unit_the_actor_does_not_see()
    {
        ShouldFail(await PageAsync(new PageUnitOfficials(SectionA.Id, Page: 0)), ErrorKind.Invalid, "page");
        ShouldFail(await PageAsync(new PageUnitOfficials(SectionA.Id, PageSize: 101)), ErrorKind.Invalid, "pageSize");
        var communeBAdmin = (await AddOfficialAsync("b.admin", CommuneB, Role.UnitAdmin)).Actor;
        ShouldFail(await Handler<UnitOfficialsQuery>().PageAsync(communeBAdmin, new PageUnitOfficials(SectionA.Id)), ErrorKind.NotFound, "unitId");
    }
}

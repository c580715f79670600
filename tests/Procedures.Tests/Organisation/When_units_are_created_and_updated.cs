using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Tests.Organisation;

public sealed class When_units_are_created_and_updated : OrganisationTest
{
    private Actor _communeAdmin = null!;

    [SetUp]
    public async Task AddCommuneAdmin() => _communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;

    private static CreateUnit Section(Guid parent, string code = "003.01.31.H29") =>
        new(code, "Phòng Kinh tế xã A", DefaultUnitTypes.Section, parent, Phone: "0207 3850 100", Email: "kt@xa-a.example");

    [Test]
    public async Task Should_create_a_unit_under_its_parent_with_the_path_of_its_ancestors()
    {
        var result = await Handler<CreateUnitHandler>().HandleAsync(_communeAdmin, Section(CommuneA.Id));

        result.Error.ShouldBeNull();
        var unit = result.Value!;
        unit.Path.ShouldBe($"{CommuneA.Path}{unit.Id}/");
        unit.EffectiveFrom.ShouldBe(Today);
        (await ReadAsync(db => db.Units.SingleAsync(u => u.Code == "003.01.31.H29"))).ParentId.ShouldBe(CommuneA.Id);
    }

    [TestCase("0001.01.31.H29", TestName = "Should_refuse_a_code_with_a_group_too_long")]
    [TestCase("003-01-31-H29", TestName = "Should_refuse_a_code_with_hyphens_which_would_break_dossier_codes")]
    [TestCase("003.01.31.h29", TestName = "Should_refuse_a_code_in_lower_case")]
    [TestCase("002.01.31.H29", TestName = "Should_refuse_a_code_already_used")]
    public async Task Should_refuse_the_code(string code)
    {
        var result = await Handler<CreateUnitHandler>().HandleAsync(_communeAdmin, Section(CommuneA.Id, code));

        ShouldFail(result, ErrorKind.Invalid, "code");
        (await ReadAsync(db => db.Units.CountAsync())).ShouldBe(7);
    }

    [Test]
    public async Task Should_refuse_an_unknown_type_a_missing_name_and_bad_contacts_naming_each_field()
    {
        var handler = Handler<CreateUnitHandler>();
        ShouldFail(await handler.HandleAsync(_communeAdmin, Section(CommuneA.Id) with { TypeCode = "district" }), ErrorKind.Invalid, "typeCode");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Section(CommuneA.Id) with { Name = " " }), ErrorKind.Invalid, "name");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Section(CommuneA.Id) with { Phone = "12345" }), ErrorKind.Invalid, "phone");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Section(CommuneA.Id) with { Email = "kt.xa-a" }), ErrorKind.Invalid, "email");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Section(CommuneA.Id) with { OfficeHours = "7h30 đến 17h" }), ErrorKind.Invalid, "officeHours");
        (await ReadAsync(db => db.Units.CountAsync())).ShouldBe(7);
    }

    [Test]
    public async Task Should_refuse_a_parent_that_is_not_in_effect_on_the_start_date()
    {
        var ended = await AddUnitAsync("009.01.31.H29", "Tổ đã giải thể", DefaultUnitTypes.Section, CommuneA, to: new DateOnly(2025, 12, 31));

        ShouldFail(await Handler<CreateUnitHandler>().HandleAsync(_communeAdmin, Section(ended.Id)), ErrorKind.Invalid, "parentId", "parent-not-effective");
    }

    [Test]
    public async Task Should_keep_root_units_for_system_admins()
    {
        var root = new CreateUnit("000.00.00.H30", "Ủy ban nhân dân tỉnh khác", DefaultUnitTypes.Province, null);

        ShouldFail(await Handler<CreateUnitHandler>().HandleAsync(_communeAdmin, root), ErrorKind.Forbidden);
        (await Handler<CreateUnitHandler>().HandleAsync(SystemAdmin, root)).Value!.Path.ShouldStartWith("/");
    }

    [Test]
    public async Task Should_say_not_found_outside_the_admins_branch_and_forbidden_above_it()
    {
        ShouldFail(await Handler<CreateUnitHandler>().HandleAsync(_communeAdmin, Section(CommuneB.Id)), ErrorKind.NotFound, "parentId");
        ShouldFail(await Handler<CreateUnitHandler>().HandleAsync(_communeAdmin, Section(Province.Id)), ErrorKind.Forbidden);
        ShouldFail(await Handler<UpdateUnitHandler>().HandleAsync(_communeAdmin, new UpdateUnit(Department.Id, "Sở")), ErrorKind.NotFound, "unitId");
    }

    [Test]
    public async Task Should_update_the_contacts_and_put_new_office_hours_into_the_engines_calendar()
    {
        var result = await Handler<UpdateUnitHandler>().HandleAsync(_communeAdmin,
            new UpdateUnit(OneStopA.Id, "Bộ phận một cửa xã A (mới)", Address: "Thôn 1", Phone: "+84 207 3850 101", OfficeHours: "07:00-11:00,13:00-17:00"));

        result.Error.ShouldBeNull();
        var stored = await ReadAsync(db => db.Units.SingleAsync(u => u.Id == OneStopA.Id));
        (stored.Name, stored.Address, stored.Phone, stored.OfficeHours).ShouldBe(("Bộ phận một cửa xã A (mới)", "Thôn 1", "+84 207 3850 101", "07:00-11:00,13:00-17:00"));
        var calendar = Services.GetRequiredService<CalendarProvider>().Current;
        calendar.Settings.UnitOfficeHours.ShouldContainKey(OneStopA.Id.ToString());
        calendar.IsWorkingTime(new DateTimeOffset(2026, 3, 3, 7, 15, 0, VietnameseCalendar.UtcOffset), OneStopA.Id.ToString()).ShouldBeTrue();
    }

    [Test]
    public async Task Should_refuse_an_update_with_unreadable_office_hours_and_change_nothing()
    {
        ShouldFail(await Handler<UpdateUnitHandler>().HandleAsync(_communeAdmin, new UpdateUnit(OneStopA.Id, "Tên mới", OfficeHours: "13:00-11:00")),
            ErrorKind.Invalid, "officeHours");
        (await ReadAsync(db => db.Units.SingleAsync(u => u.Id == OneStopA.Id))).Name.ShouldBe("Bộ phận một cửa xã A");
    }

    [Test]
    public async Task Should_forbid_an_official_who_is_not_an_admin()
    {
        var clerk = (await AddOfficialAsync("a.clerk", OneStopA, Role.Clerk)).Actor;

        ShouldFail(await Handler<UpdateUnitHandler>().HandleAsync(clerk, new UpdateUnit(OneStopA.Id, "Tên mới")), ErrorKind.Forbidden);
    }
}

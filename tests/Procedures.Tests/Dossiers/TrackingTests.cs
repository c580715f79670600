using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_a_citizen_tracks_a_dossier : DossierTest
{
    private Task<DomainResult<DossierTracking>> Track(string code, string factor) =>
        Run<DossierQueries, DomainResult<DossierTracking>>(q => q.TrackAsync(code, factor));

    [Test]
    public async Task Should_show_status_step_and_appointment_with_the_last_digits_of_the_phone_or_id_number()
    {
        var receipt = await ReceiveComplete();
        (await Assign(receipt.DossierId)).Ok();
        var tracked = (await Track(receipt.Code, "5678")).Ok();
        (tracked.Status, tracked.StatusCode, tracked.StatusVi).ShouldBe((DossierStatus.Processing, 4, "Đang xử lý"));
        tracked.CurrentSteps.ShouldBe(["Thẩm định hồ sơ"]);
        tracked.AppointmentAt.ShouldBe(Vn(2026, 3, 10, 17));
        (await Track(receipt.Code, "2345")).Ok().Code.ShouldBe(receipt.Code);

        var shown = JsonSerializer.Serialize(tracked, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        shown.ShouldContain("Đang xử lý");
        foreach (var personal in new[] { "Nguyễn Văn An", "Nguyễn", "0912", "345 678", "001085012345", "an@example.vn", "Thôn 1", TestOrg.SpecialistA })
            shown.ShouldNotContain(personal, Case.Sensitive, $"tracking shows '{personal}'");
    }

    [Test]
    public async Task Should_reveal_nothing_for_a_wrong_second_factor_the_same_as_for_an_unknown_code()
    {
        var receipt = await ReceiveComplete();
        var wrong = (await Track(receipt.Code, "1234")).Fails(ErrorKind.NotFound);
        var unknown = (await Track($"{TestOrg.ShopACode}-260303-0099", "5678")).Fails(ErrorKind.NotFound);
        wrong.ShouldBe(unknown);
        (await Track(receipt.Code, "678")).Fails(ErrorKind.NotFound).ShouldBe(unknown);
        (await Track(receipt.Code, "")).Fails(ErrorKind.NotFound).ShouldBe(unknown);
        (await Track(receipt.Code, "56789")).Fails(ErrorKind.NotFound).ShouldBe(unknown);
    }
}

public sealed class When_a_citizen_types_the_code_as_they_read_it : DossierTest
{
    private Task<DomainResult<DossierTracking>> Track(string code, string factor) =>
        Run<DossierQueries, DomainResult<DossierTracking>>(q => q.TrackAsync(code, factor));

    [Test]
    public async Task Should_find_the_dossier_in_lower_case_without_the_dots_and_with_stray_spaces()
    {
        var receipt = await ReceiveComplete();
        var undotted = receipt.Code.Replace(".", "", StringComparison.Ordinal);
        receipt.Code.ShouldContain(".");

        foreach (var typed in new[] { receipt.Code.ToLowerInvariant(), undotted, undotted.ToLowerInvariant(), $"  {receipt.Code} ", receipt.Code.Replace("-", " - ", StringComparison.Ordinal) })
            (await Track(typed, "5678")).Ok().Code.ShouldBe(receipt.Code, $"typed '{typed}'");
    }

    [Test]
    public async Task Should_still_refuse_a_wrong_second_factor_or_another_number_whatever_the_spelling()
    {
        var receipt = await ReceiveComplete();
        var unknown = (await Track($"{TestOrg.ShopACode}-260303-0099", "5678")).Fails(ErrorKind.NotFound);
        (await Track(receipt.Code.ToLowerInvariant(), "1234")).Fails(ErrorKind.NotFound).ShouldBe(unknown);
        (await Track(receipt.Code.Replace(".", "", StringComparison.Ordinal)[..^1] + "9", "5678")).Fails(ErrorKind.NotFound).ShouldBe(unknown);
        (await Track("   ", "5678")).Fails(ErrorKind.NotFound).ShouldBe(unknown);
        (await Track("không-phải-mã", "5678")).Fails(ErrorKind.NotFound).ShouldBe(unknown);
    }
}

public sealed class When_officials_search_dossiers : DossierTest
{
    private Task<DossierPage> Search(DossierSearch search) =>
        Run<DossierQueries, DomainResult<DossierPage>>(q => q.SearchAsync(search)).ContinueWith(t => t.Result.Ok(), TaskScheduler.Default);

    [Test]
    public async Task Should_find_only_the_dossiers_of_their_units_by_applicant_code_status_and_date_paged()
    {
        Clock.Set(Vn(2026, 3, 2, 9));
        var first = await ReceiveComplete();
        Clock.Set(Vn(2026, 3, 3, 9));
        var second = (await Receive(Complete() with { Applicant = new ApplicantData("Lê Thị Hoa", "001190000001", "0900 000 111") })).Ok();
        var third = (await Receive(Complete() with { Applicant = new ApplicantData("Phạm Minh Hoàng", Phone: "0900 000 222") })).Ok();
        (await Assign(third.DossierId)).Ok();

        (await Search(new DossierSearch(TestOrg.HeadA))).Total.ShouldBe(3);
        (await Search(new DossierSearch(TestOrg.ClerkB))).Total.ShouldBe(0);
        (await Search(new DossierSearch(TestOrg.ClerkA, ApplicantName: "thị hoa"))).Items.Single().Id.ShouldBe(second.DossierId);
        (await Search(new DossierSearch(TestOrg.ClerkA, Phone: "0900 000 222"))).Items.Single().Id.ShouldBe(third.DossierId);
        (await Search(new DossierSearch(TestOrg.ClerkA, Code: first.Code))).Items.Single().ApplicantName.ShouldBe("Nguyễn Văn An");
        (await Search(new DossierSearch(TestOrg.ClerkA, Status: DossierStatus.Processing))).Items.Single().Id.ShouldBe(third.DossierId);
        (await Search(new DossierSearch(TestOrg.ClerkA, ReceivedFrom: new DateOnly(2026, 3, 3), ReceivedTo: new DateOnly(2026, 3, 3)))).Total.ShouldBe(2);
        (await Search(new DossierSearch(TestOrg.ClerkA, ReceivedTo: new DateOnly(2026, 3, 2)))).Items.Single().Id.ShouldBe(first.DossierId);
        (await Search(new DossierSearch(TestOrg.ClerkA, ApplicantName: "%"))).Total.ShouldBe(0);

        var page2 = await Search(new DossierSearch(TestOrg.ClerkA, Sort: DossierSort.Code, Page: 2, PageSize: 2));
        (page2.Total, page2.Items.Single().Code).ShouldBe((3, third.Code));
        (await Run<DossierQueries, DomainResult<DossierPage>>(q => q.SearchAsync(new DossierSearch(TestOrg.ClerkA, PageSize: 0)))).Fails(ErrorKind.Invalid, "pageSize");
    }

    [Test]
    public async Task Should_show_an_official_of_the_dossier_its_documents_history_and_open_work()
    {
        var receipt = await ReceiveComplete();
        (await Assign(receipt.DossierId)).Ok();
        var details = (await Run<DossierQueries, DomainResult<DossierDetails>>(q => q.GetAsync(receipt.DossierId, TestOrg.SpecialistA))).Ok();
        (details.Code, details.Status, details.ProcedureCode, details.Fee).ShouldBe((receipt.Code, DossierStatus.Processing, "2.000720", 100_000m));
        details.Documents.Select(d => (d.Name, d.Provided)).ShouldBe([
            ("Giấy đề nghị đăng ký hộ kinh doanh", true), ("Bản sao giấy tờ pháp lý của cá nhân", true),
            ("Hợp đồng thuê địa điểm kinh doanh", false), ("Biên bản họp thành viên hộ gia đình", true)], ignoreOrder: true);
        details.Events.Select(e => e.Kind).ShouldBe(["Received", "Assigned"]);
        details.OpenWorkItems.Single().Assignee.ShouldBe(TestOrg.SpecialistA);
        details.Applicant.FullName.ShouldBe("Nguyễn Văn An");
    }
}

public sealed class When_a_citizen_tracks_a_dossier_waiting_for_the_supplement : DossierTest
{
    private Task<DomainResult<DossierTracking>> Track(string code) =>
        Run<DossierQueries, DomainResult<DossierTracking>>(q => q.TrackAsync(code, "5678"));

    [Test]
    public async Task Should_show_the_citizen_deadline_instead_of_the_old_appointment_and_then_the_new_appointment()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = await ReceiveComplete();
        (await Assign(receipt.DossierId)).Ok();
        (await Track(receipt.Code)).Ok().AppointmentAt.ShouldBe(Vn(2026, 3, 10, 17));
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(receipt.DossierId)).Ok();

        var waiting = (await Track(receipt.Code)).Ok();
        waiting.Status.ShouldBe(DossierStatus.SupplementRequested);
        waiting.AppointmentAt.ShouldBeNull();
        waiting.SupplementDueAt.ShouldBe(Vn(2026, 3, 18, 17));
        waiting.WaitingVi.ShouldBe("Đang chờ bổ sung hồ sơ đến 17:00 ngày 18/03/2026");
        waiting.WaitingEn.ShouldBe("Waiting for your supplement until 17:00 on 18/03/2026");

        Clock.Set(Vn(2026, 3, 9, 9));
        (await Run<ReceiveSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new ReceiveSupplement(receipt.DossierId, TestOrg.ClerkA, [new(Org.Lease), new(null, "Sơ đồ vị trí")], "Đã đủ")))).Ok();

        var back = (await Track(receipt.Code)).Ok();
        back.AppointmentAt.ShouldBe(Vn(2026, 3, 16, 17));
        (back.SupplementDueAt, back.WaitingVi, back.WaitingEn).ShouldBe((null, null, null));
    }
}

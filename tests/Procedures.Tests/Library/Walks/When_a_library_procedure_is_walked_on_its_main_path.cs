using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// Each procedure of the library from the counter to the archive on its main path (first actions), with the
/// sample officials whose roles the steps ask for.
/// </summary>
public sealed class When_a_library_procedure_is_walked_on_its_main_path : WalkTest
{
    private const string SignBirthCertificate = "sign-birth-certificate", UpdateCadastre = "update-cadastre";

    [Test]
    public async Task Birth_registration_is_appraised_signed_and_returned_the_same_day()
    {
        var walk = await ReceiveAsync("birth-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Process]);

        await walk.Submit("ys.specialist1", Fields(("personalId", "008226012345")), [DossierSteps.Sign]);
        await walk.Sign("ys.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Death_registration_is_signed_by_the_deputy_for_the_chairman()
    {
        var walk = await ReceiveAsync("death-registration", HamYenShop, "hy.clerk", next: [DossierSteps.Process]);

        await walk.Submit("hy.specialist1", null, [DossierSteps.Sign]);
        await walk.Sign("hy.deputy", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).ShouldSatisfyAllConditions(d => d.SignedBy.ShouldBe("hy.deputy"), d => d.SignedOnBehalfOf.ShouldBe("hy.leader"));
    }

    [Test]
    public async Task Marriage_registration_is_appraised_and_signed_without_verification()
    {
        var walk = await ReceiveAsync("marriage-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Process]);

        await walk.Submit("ys.specialist2", null, [DossierSteps.Sign]);
        await walk.Sign("ys.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Civil_status_extract_copy_charges_per_copy_and_is_returned()
    {
        var walk = await ReceiveAsync("civil-status-extract-copy", HamYenShop, "hy.clerk", copies: 2, next: [DossierSteps.Process]);

        await walk.Submit("hy.specialist2", Fields(("registerReference", "Sổ đăng ký khai sinh 2019, quyển 01, số 127")), [DossierSteps.Sign]);
        await walk.Sign("hy.leader", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).FeeAmount.ShouldBe(16_000);
    }

    [Test]
    public async Task Certified_copy_charges_by_pages_and_copies_and_is_returned()
    {
        var walk = await ReceiveAsync("certified-copy", YenSonShop, "ys.clerk", copies: 2, pages: 5, next: [DossierSteps.Process]);

        await walk.Submit("ys.specialist1", Fields(("certificationNumber", "125/2026/SCBS")), [DossierSteps.Sign]);
        await walk.Sign("ys.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).FeeAmount.ShouldBe(14_000);
    }

    [Test]
    public async Task Signature_certification_is_certified_signed_and_returned()
    {
        var walk = await ReceiveAsync("signature-certification", HamYenShop, "hy.clerk", next: [DossierSteps.Process]);

        await walk.Submit("hy.specialist1", Fields(("certificationNumber", "48/2026/CT-CK")), [DossierSteps.Sign]);
        await walk.Sign("hy.leader", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).FeeAmount.ShouldBe(10_000);
    }

    [Test]
    public async Task Household_business_registration_is_assigned_appraised_reviewed_signed_and_returned()
    {
        var walk = await ReceiveAsync("household-business-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Assign]);

        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        await walk.Submit("ys.economy.specialist", Fields(("registrationNumber", "08A8001234")), [DossierSteps.Review]);
        await walk.Approve("ys.economy.section-head", DossierSteps.Sign);
        await walk.Sign("ys.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Business_line_change_is_assigned_appraised_reviewed_signed_and_returned()
    {
        var walk = await ReceiveAsync("business-line-change", HamYenShop, "hy.clerk", inputs: Fields(("householdBusinessNumber", "08B8000456")),
            next: [DossierSteps.Assign]);

        await walk.Assign("hy.economy.section-head", "hy.economy.specialist", DossierSteps.Process);
        await walk.Submit("hy.economy.specialist", Fields(("businessLines", "Bán lẻ lương thực, thực phẩm (4721)")), [DossierSteps.Review]);
        await walk.Approve("hy.economy.section-head", DossierSteps.Sign);
        await walk.Sign("hy.leader", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Permanent_residence_is_received_at_the_commune_and_processed_by_the_commune_police()
    {
        var walk = await ReceiveAsync("permanent-residence-registration", YenSonShop, "ys.clerk", processingUnit: YenSonPolice,
            next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromHours(4);

        await walk.Assign("ys.police.section-head", "ys.police.officer", DossierSteps.Process);
        await walk.Submit("ys.police.officer", Fields(("residenceBasis", "with-relatives")), [DossierSteps.Review]);
        await walk.Approve("ys.police.section-head", DossierSteps.Sign);
        await walk.Sign("ys.police.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Temporary_residence_is_received_at_the_commune_and_processed_by_the_commune_police()
    {
        var walk = await ReceiveAsync("temporary-residence-registration", HamYenShop, "hy.clerk", processingUnit: HamYenPolice,
            next: [DossierSteps.Assign]);

        await walk.Assign("hy.police.section-head", "hy.police.officer", DossierSteps.Process);
        await walk.Submit("hy.police.officer", Fields(("stayUntil", "2027-03-03")), [DossierSteps.Review]);
        await walk.Approve("hy.police.section-head", DossierSteps.Sign);
        await walk.Sign("hy.police.leader", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Construction_permit_is_inspected_on_site_reviewed_signed_and_returned_within_fifteen_days()
    {
        var walk = await ReceiveAsync("construction-permit-house", YenSonShop, "ys.clerk",
            inputs: Fields(("siteAddress", "Thửa đất số 112, tờ bản đồ số 9, thôn Đồng Chằm")), next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromDays(1);

        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        await walk.Submit("ys.economy.specialist", Fields(("siteInspectionMinutes", "Biên bản kiểm tra hiện trạng ngày 05/3/2026"),
            ("appraisalReport", "Đủ điều kiện cấp phép")), [DossierSteps.Review]);
        await walk.Approve("ys.economy.section-head", DossierSteps.Sign);
        await walk.Sign("ys.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Judicial_record_certificate_is_processed_by_the_provincial_police_without_verification_elsewhere()
    {
        var walk = await ReceiveAsync("judicial-record-certificate", ProvincialPoliceShop, "ca.clerk", inputs: Fields(("policeUnit", Province.Unit(YenSonPolice).ToString())),
            next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromHours(4);

        await walk.Assign("ca.section-head", "ca.specialist1", DossierSteps.Process);
        await walk.Submit("ca.specialist1", null, [DossierSteps.Review]);
        await walk.Approve("ca.section-head", DossierSteps.Sign);
        await walk.Sign("ca.leader", DossierSteps.ReturnResult);
        await walk.Return("ca.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Joint_birth_residence_and_health_insurance_gets_both_agencies_replies_and_the_birth_certificate_signed()
    {
        var walk = await ReceiveAsync("child-birth-residence-health-insurance", YenSonShop, "ys.clerk", inputs: Fields(
            ("policeUnit", Province.Unit(YenSonPolice).ToString()), ("socialInsuranceUnit", Province.Unit(SocialInsurance).ToString())),
            next: [DossierSteps.Process]);

        await walk.Submit("ys.specialist1", Fields(("personalId", "008226054321")), [SignBirthCertificate, "register-residence", "issue-health-insurance-card"]);
        await walk.Reply("ys.police.officer", Fields(("residenceResult", "registered")), [SignBirthCertificate, "issue-health-insurance-card"]);
        await walk.Reply("bhxh.officer", Fields(("healthInsuranceCardNumber", "TE1080812345678")), [SignBirthCertificate]);
        await walk.Complete("ys.leader", SignBirthCertificate, "sign", null, [DossierSteps.ReturnResult], DossierStatus.Finished, "Ký Giấy khai sinh");
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Consultations(walk.Id)).Select(c => c.ConsultedUnitId).ShouldBe([Province.Unit(YenSonPolice), Province.Unit(SocialInsurance)], ignoreOrder: true);
        (await Consultations(walk.Id)).ShouldAllBe(c => c.RepliedAt != null);
    }

    [Test]
    public async Task Land_use_certificate_is_posted_taxed_updated_in_the_cadastre_paid_signed_and_returned()
    {
        var walk = await ReceiveAsync("land-use-certificate-first-issue", YenSonShop, "ys.clerk", inputs: Fields(
            ("taxUnit", Province.Unit(TaxOffice).ToString()), ("issuingUnit", Province.Unit(YenSon).ToString()),
            ("landRegistrationUnit", Province.Unit(LandRegistrationOffice).ToString()), ("parcel", "Thửa 215, tờ bản đồ 12")),
            next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromHours(4);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        var postingEnds = Clock.GetUtcNow().AddDays(2);
        await walk.Submit("ys.economy.specialist", Fields(("postingEndsAt", postingEnds.ToString("O"))), []);

        Clock.Set(postingEnds.AddMinutes(1));
        (await FireDueTimers()).ShouldBe(1);
        await walk.Reply("tax.officer", Fields(("taxNoticeNumber", "TB-1234/2026"), ("financialObligation", "12500000")), [UpdateCadastre]);
        await walk.Complete("vpdk.specialist", UpdateCadastre, "done", Fields(("certificateSerial", "DA 654321")), [DossierSteps.Review], DossierStatus.FinancialObligation,
            "Đã cập nhật hồ sơ địa chính, in Giấy chứng nhận");
        await walk.Approve("ys.economy.section-head", DossierStatus.FinancialObligation, DossierSteps.Sign);
        await walk.Sign("ys.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk", Fields(("paymentReference", "GNT-2026-0215")));

        await ShouldBeReturnedAndArchived(walk);
    }
}

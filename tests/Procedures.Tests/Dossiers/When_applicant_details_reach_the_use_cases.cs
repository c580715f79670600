using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// The applicant rules (Vietnamese phone, 12-digit identity number, lengths) are the use cases' own: a page or a script that
/// calls them directly gets every problem, each naming its field, and nothing is stored.
/// </summary>
public sealed class When_applicant_details_reach_the_use_cases : DossierTest
{
    [Test]
    public async Task Should_refuse_at_the_counter_a_long_name_a_bad_id_number_and_a_short_phone_all_at_once()
    {
        var bad = new ApplicantData(new string('A', 5_600), "12ab", "12345");

        var error = (await Receive(Complete() with { Applicant = bad })).Fails(ErrorKind.Invalid, "applicant.fullName");

        error.Problems!.Select(p => p.Field).ShouldBe(["applicant.fullName", "applicant.idNumber", "applicant.phone"]);
        error.Problems!.ShouldAllBe(p => p.MessageVi.Length > 0 && p.MessageEn.Length > 0);
        (await Db.Dossiers.CountAsync()).ShouldBe(0);
    }

    [TestCase("091234")]
    [TestCase("12345")]
    [TestCase("0112 345 678")]
    public async Task Should_refuse_an_online_submission_with_a_phone_that_is_no_vietnamese_number(string phone)
    {
        var error = (await Run<SubmitOnlineHandler, DomainResult<OnlineSubmission>>(h => h.HandleAsync(new SubmitOnline(
            Guid.NewGuid(), Org.ShopA, Org.Business, new ApplicantData("Trần Thị Bình", Phone: phone), [new(Org.Form), new(Org.IdCopy), new(Org.Minutes)]))))
            .Fails(ErrorKind.Invalid, "applicant.phone");

        error.Problems.ShouldBeNull();
        (await Db.Dossiers.CountAsync()).ShouldBe(0);
    }

    [Test]
    public async Task Should_still_name_a_missing_name_under_the_applicant() =>
        (await Receive(Complete() with { Applicant = new ApplicantData(" ") })).Fails(ErrorKind.Invalid, "applicant.fullName");
}

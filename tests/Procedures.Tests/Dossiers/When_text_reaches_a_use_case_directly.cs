using System.Text;
using Microsoft.EntityFrameworkCore;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

/// <summary>The web UI calls use cases without the API's checks: what they save is still clean, and search still finds it.</summary>
public sealed class When_text_reaches_a_use_case_directly : DossierTest
{
    [Test]
    public async Task Should_store_a_name_without_control_or_invisible_characters_and_in_nfc()
    {
        var name = "Trần\u0007 Thị\r\nÁnh\u0000\u202E".Normalize(NormalizationForm.FormD);
        var request = Complete() with { Applicant = Complete().Applicant with { FullName = name, Address = "Thôn 1\u0000\u001b, xã An Phú" } };
        var receipt = (await Receive(request)).Ok();

        var applicant = await Db.Dossiers.AsNoTracking().Where(d => d.Id == receipt.DossierId).Select(d => d.Applicant).SingleAsync();
        applicant.FullName.ShouldBe("Trần  Thị  Ánh");
        applicant.Address.ShouldBe("Thôn 1 , xã An Phú");
    }

    [Test]
    public async Task Should_find_a_name_typed_in_nfd_by_the_same_name_in_nfc_and_back()
    {
        var receipt = (await Receive(Complete() with { Applicant = Complete().Applicant with { FullName = "Lê Thị Hưởng".Normalize(NormalizationForm.FormD) } })).Ok();
        foreach (var typed in new[] { "Lê Thị Hưởng", "Thị Hưởng".Normalize(NormalizationForm.FormD) })
        {
            var page = await Run<DossierQueries, Procedures.Common.DomainResult<DossierPage>>(q => q.SearchAsync(new DossierSearch(TestOrg.ClerkA, ApplicantName: typed)));
            page.Ok().Items.Select(i => i.Id).ShouldContain(receipt.DossierId);
        }
    }
}

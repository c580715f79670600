using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Tests.Organisation;

namespace Procedures.Tests.Catalogue;

public sealed class When_citizens_search_the_catalogue : OrganisationTest
{
    private Sector _civilStatus = null!;
    private Sector _certification = null!;

    [SetUp]
    public async Task AddCatalogue()
    {
        _civilStatus = await CatalogueData.AddSectorAsync(Db, "HOTICH", "Hộ tịch");
        _certification = await CatalogueData.AddSectorAsync(Db, "CHUNGTHUC", "Chứng thực");
        var create = Handler<CreateProcedureHandler>();
        foreach (var draft in new[]
        {
            CatalogueData.Draft(_civilStatus.Id),
            CatalogueData.Draft(_civilStatus.Id, "1.000894", "Đăng ký kết hôn") with { Channels = [Channel.Counter] },
            CatalogueData.Draft(_civilStatus.Id, "1.000656", "Đăng ký khai tử"),
            CatalogueData.Draft(_certification.Id, "2.000815", "Chứng thực bản sao từ bản chính") with { Channels = [Channel.Counter], Fees = [CatalogueData.CertifiedCopyFee] },
            CatalogueData.Draft(_civilStatus.Id, "2.001417", "Cấp Phiếu lý lịch tư pháp") with { Level = "department" },
        })
            (await create.HandleAsync(SystemAdmin, draft)).Error.ShouldBeNull();
    }

    private async Task<IReadOnlyList<string>> Names(SearchCatalogue search) =>
        (await Handler<SearchCatalogueQuery>().HandleAsync(search)).Value!.Items.Select(i => i.Name).ToList();

    [TestCase("khai sinh")]
    [TestCase("Khai Sinh")]
    [TestCase("dang ky khai sinh")]
    [TestCase("ĐĂNG KÝ   khai-sinh")]
    [TestCase("sinh khai")]
    [TestCase("1.001193")]
    public async Task Should_find_birth_registration_with_or_without_diacritics(string text) =>
        (await Names(new SearchCatalogue(text))).ShouldBe(["Đăng ký khai sinh"]);

    [Test]
    public async Task Should_match_every_word_and_order_by_sector_then_name()
    {
        (await Names(new SearchCatalogue("dang ky"))).ShouldBe(["Đăng ký kết hôn", "Đăng ký khai sinh", "Đăng ký khai tử"]);
        (await Names(new SearchCatalogue("dang ky ban sao"))).ShouldBeEmpty();
        (await Names(new SearchCatalogue("chung thuc"))).ShouldBe(["Chứng thực bản sao từ bản chính"]);
    }

    [Test]
    public async Task Should_filter_by_sector_level_and_channel()
    {
        (await Names(new SearchCatalogue(SectorId: _certification.Id))).ShouldBe(["Chứng thực bản sao từ bản chính"]);
        (await Names(new SearchCatalogue(Level: "department"))).ShouldBe(["Cấp Phiếu lý lịch tư pháp"]);
        (await Names(new SearchCatalogue("dang ky", Channel: Channel.Online))).ShouldBe(["Đăng ký khai sinh", "Đăng ký khai tử"]);
    }

    [Test]
    public async Task Should_page_with_the_total_and_say_which_procedures_are_free()
    {
        var second = (await Handler<SearchCatalogueQuery>().HandleAsync(new SearchCatalogue(Page: 2, PageSize: 2))).Value!;

        second.Total.ShouldBe(5);
        second.Items.Count.ShouldBe(2);
        var all = (await Handler<SearchCatalogueQuery>().HandleAsync(new SearchCatalogue(PageSize: 100))).Value!.Items;
        all.Where(i => !i.IsFree).Select(i => i.Code).ShouldBe(["2.000815"]);
        all.Select(i => i.Code).Distinct().Count().ShouldBe(5);
    }

    [Test]
    public async Task Should_refuse_a_page_below_one_or_too_large()
    {
        var query = Handler<SearchCatalogueQuery>();
        ShouldFail(await query.HandleAsync(new SearchCatalogue(Page: 0)), ErrorKind.Invalid, "page");
        ShouldFail(await query.HandleAsync(new SearchCatalogue(PageSize: 1000)), ErrorKind.Invalid, "pageSize");
    }

    [TestCase("Đăng ký khai sinh", "dang ky khai sinh")]
    [TestCase("ĐỒNG Ý, được!", "dong y duoc")]
    [TestCase("Giấy chứng nhận quyền sử dụng đất", "giay chung nhan quyen su dung dat")]
    [TestCase("  ", "")]
    public void Should_fold_vietnamese_text_for_searching(string text, string folded) => SearchText.Fold(text).ShouldBe(folded);
}

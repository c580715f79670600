using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>Journey (a): online submission → reception → assignment → appraisal → approval → signature → return → tracking and rating.</summary>
public sealed class When_a_citizen_submits_online_and_officials_process_it
{
    private const string Phone = "0901000001";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_go_from_the_portal_through_every_desk_back_to_the_citizen()
    {
        // The citizen finds the procedure, attaches a scan for each required document, checks the summary and sends.
        var citizen = await Browser.NewPageAsync(_host);
        var id = await OnlineJourney.SubmitAsync(_host, citizen, "001085099999", Phone, shots: true);
        await citizen.Locator("[data-testid=submission-open]").ClickAsync();
        await citizen.WaitForURLAsync(u => u.EndsWith($"/cong-dan/ho-so/{id}", StringComparison.Ordinal));
        (await citizen.Locator("[data-testid=my-dossier-status]").InnerTextAsync()).ShouldBe("Mới đăng ký");

        // The clerk receives it; the section head finds it in the inbox and assigns a specialist, who appraises; the section head
        // approves and the leader signs.
        var (clerk, code) = await OnlineJourney.ApproveAsync(_host, id, "31A8000001", async (head, received) =>
        {
            await head.GoAsync("/can-bo/hop-thu");
            await head.Locator("[data-testid=inbox-table] a", new() { HasText = received }).WaitForAsync();
            await head.ShotAsync("a3-inbox-section-head");
        });

        var leader = await Browser.NewPageAsync(_host);
        await leader.SignInAsync("ys.leader");
        await leader.GoAsync($"/can-bo/ho-so/{id}");
        await leader.RunActionAsync("sign");

        // The clerk returns the result; the page now shows the whole history and the diagram with nothing open.
        await clerk.GoAsync($"/can-bo/ho-so/{id}");
        await clerk.RunActionAsync("return");
        (await clerk.Locator("[data-testid=dossier-status]").InnerTextAsync()).ShouldBe("Đã trả kết quả");
        (await clerk.Locator("[data-testid=timeline]").InnerTextAsync()).ShouldContain("Ký duyệt");
        (await clerk.Locator("[data-testid=timeliness]").CountAsync()).ShouldBeGreaterThan(0);
        await clerk.ShotAsync("a4-dossier-page-returned");

        // The citizen tracks it by code (as from the receipt's QR code) and the last 4 digits of the phone, then rates it.
        var phone = await Browser.NewPageAsync(_host, phone: true);
        await phone.GoAsync($"/tra-cuu?ma-ho-so={Uri.EscapeDataString(code)}");
        await phone.FillFieldAsync("track-factor", Phone[^4..]);
        await phone.Locator("[data-testid=track-submit]").ClickAsync();
        (await phone.Locator("[data-testid=tracking-status]").InnerTextAsync()).ShouldBe("Đã trả kết quả");
        await phone.ShotAsync("a5-tracking-on-a-phone");

        // No grade is chosen for the citizen: sending without choosing names the criteria still open.
        await citizen.GoAsync($"/cong-dan/ho-so/{id}");
        (await citizen.Locator("[data-testid=rating] input[type=radio]:checked").CountAsync()).ShouldBe(0);
        await citizen.Locator("[data-testid=rating-send]").ClickAsync();
        (await citizen.Locator("[data-testid=error]").InnerTextAsync()).ShouldContain("1, 2, 3, 4, 5, 6, 7, 8, 9");
        (await _host.Db(db => db.Ratings.CountAsync(r => r.DossierId == id))).ShouldBe(0);
        for (var i = 1; i <= 9; i++)
            await citizen.Locator($"[data-testid=rating-row-{i}] .mud-radio").First.ClickAsync(); // the first grade, "Tốt"
        await citizen.Locator("[data-testid=rating-send]").ClickAsync();
        (await citizen.Locator("[data-testid=rating-done]").InnerTextAsync()).ShouldContain("18/18");
        await citizen.ShotAsync("a6-rating");
        (await _host.Db(db => db.Ratings.Where(r => r.DossierId == id).Select(r => r.Total).SingleAsync())).ShouldBe(18);
    }
}

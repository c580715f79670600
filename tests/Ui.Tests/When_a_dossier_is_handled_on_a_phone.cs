using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>The dossier page on a 390-px phone: the allowed actions first, the workflow diagram readable (never shrunk) without the page scrolling sideways.</summary>
public sealed class When_a_dossier_is_handled_on_a_phone
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_put_the_actions_first_and_draw_the_diagram_with_readable_labels_at_390_px()
    {
        var dossier = await Journeys.ReceivedDossierAsync(_host, "Võ Thị Điện Thoại");
        var head = await Browser.NewPageAsync(_host, phone: true);
        await head.SetViewportSizeAsync(390, 844);
        await head.SignInAsync("ys.economy.section-head");
        await head.GoAsync($"/can-bo/ho-so/{dossier}");
        var actions = head.Locator("[data-testid=action-assign]");
        var history = head.Locator("[data-testid=timeline]");
        await actions.WaitForAsync();
        (await actions.BoundingBoxAsync())!.Y.ShouldBeLessThan((await history.BoundingBoxAsync())!.Y);

        var diagram = head.Locator("[data-testid=workflow-diagram]");
        await diagram.ScrollIntoViewIfNeededAsync();
        // The smallest label as drawn on the screen: its font size times the drawing's scale.
        var smallest = await head.EvaluateAsync<double>("""
            () => {
              const svg = document.querySelector('.diagram svg');
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
            }
            """);
        smallest.ShouldBeGreaterThanOrEqualTo(12);
        (await head.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        (await head.Locator(".diagram g.current[data-step]").CountAsync()).ShouldBe(1);
        (await head.Locator(".diagram path.edge.taken").CountAsync()).ShouldBeGreaterThan(0);
        // No label is cut: every line of every box fits inside its box.
        var overflowing = await head.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('.diagram g.step')].filter(g => {
              const box = g.querySelector('rect').getBBox();
              return [...g.querySelectorAll('tspan')].some(t => { const b = t.getBBox(); return b.x < box.x || b.x + b.width > box.x + box.width; });
            }).length
            """);
        overflowing.ShouldBe(0);

        await head.Locator("[data-testid=diagram-zoom-in]").ClickAsync();
        await head.Locator("[data-testid=diagram-scale]", new() { HasText = "120 %" }).WaitForAsync();
        (await head.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390); // the diagram scrolls in its own box
        await head.ShotAsync("p1-dossier-on-a-phone");
    }
}

using Api.Dossiers;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Organisation;

namespace Api.Tests.Sample;

/// <summary>
/// "Mine" in due order reads its three sources (assigned, claimed, my roles' queues) from their indexes as far as the page
/// needs; it must list exactly what the general query lists, in the same order, page after page.
/// </summary>
public sealed class When_an_official_opens_the_inbox
{
    [Test]
    public async Task Should_list_the_same_items_in_the_same_order_as_the_general_query()
    {
        var api = await SampleApi.InstanceAsync();
        for (var i = 0; i < 7; i++) await Dossiers.ReceiveAsync(api, $"Hộp Thư {i}", $"09140000{i:00}");
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var actor = (await scope.ServiceProvider.GetRequiredService<OfficialDirectory>().FindAsync("ys.economy.section-head"))!;
        var query = scope.ServiceProvider.GetRequiredService<InboxQuery>();
        var now = DateTimeOffset.UtcNow;

        var seen = 0;
        for (var page = 1; page <= 4; page++)
        {
            var fast = await query.ListAsync(actor, InboxScope.Mine, null, now, now.AddDays(1), page, 3, CancellationToken.None);
            // Every code contains '-', so this filter keeps every coded dossier and sends the query down the general path.
            var general = await query.ListAsync(actor, InboxScope.Mine, null, now, now.AddDays(1), page, 3, CancellationToken.None, InboxSort.DueSoonest, "-");
            fast.Items.Select(i => i.WorkItemId).ShouldBe(general.Items.Select(i => i.WorkItemId));
            (fast.Total, fast.TotalIsLowerBound).ShouldBe((general.Total, general.TotalIsLowerBound));
            seen += fast.Items.Count;
        }
        seen.ShouldBeGreaterThanOrEqualTo(7);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// Findings 8 and 9 of the legal review on the national portal's feed: status 1 was never sent (online submissions have no
/// code yet and were left out), dates went out in UTC, and the next page started at the last row's time, so more than a
/// page of dossiers changed in one instant came back for ever.
/// </summary>
public sealed class When_the_national_portal_reads_the_feed : DossierTest
{
    private static readonly DateTimeOffset Since = DateTimeOffset.UnixEpoch;

    private Task<DomainResult<DossierStatusPage>> Page(DateTimeOffset? since, string? after, int take) =>
        Run<PortalFeed, DomainResult<DossierStatusPage>>(f => f.ChangesAsync(null, since, after, take));

    private async Task AddDossiersChangedAt(DateTimeOffset at, int count)
    {
        await using var scope = NewScope();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.ProceduresDb>();
        at = at.ToUniversalTime();
        for (var i = 0; i < count; i++)
            db.Dossiers.Add(new Dossier
            {
                Id = Guid.NewGuid(), Code = $"{TestOrg.ShopACode}-260303-{i:0000}", ProcedureId = Org.Business, ReceivingUnitId = Org.ShopA,
                ProcessingUnitId = Org.CommuneA, Channel = Channel.Counter, Applicant = new Applicant { FullName = "Nguyễn Văn Lô" },
                Status = DossierStatus.Accepted, ReceivedAt = at, CreatedAt = at, UpdatedAt = at,
            });
        await db.SaveChangesAsync();
    }

    [TestCase(7)]
    [TestCase(500)]
    public async Task Should_list_each_of_1000_dossiers_changed_in_one_instant_exactly_once(int pageSize)
    {
        await AddDossiersChangedAt(Vn(2026, 3, 3, 9), 1000);
        var seen = new List<Guid>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = (await Page(after is null ? Since : null, after, pageSize)).Ok();
            seen.AddRange(page.Items.Select(i => i.DossierId));
            after = page.NextCursor;
            if (!page.HasMore) break;
            (++pages).ShouldBeLessThan(1000 / pageSize + 2, "the feed keeps coming back to the same rows");
        }

        seen.Count.ShouldBe(1000);
        seen.Distinct().Count().ShouldBe(1000);
        (await Page(null, after, pageSize)).Ok().ShouldSatisfyAllConditions(p => p.Items.ShouldBeEmpty(), p => p.NextCursor.ShouldBe(after));
    }

    [Test]
    public async Task Should_list_a_dossier_changed_after_the_cursor_again_with_its_new_status()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = await ReceiveComplete();
        var first = (await Page(Since, null, 10)).Ok();
        first.Items.Select(i => (i.DossierId, i.StatusCode)).ShouldBe([(receipt.DossierId, 2)]);

        Clock.Set(Vn(2026, 3, 3, 10));
        (await Assign(receipt.DossierId)).Ok();

        var next = (await Page(null, first.NextCursor, 10)).Ok();
        next.Items.Select(i => (i.DossierId, i.StatusCode)).ShouldBe([(receipt.DossierId, 4)]);
        next.HasMore.ShouldBeFalse();
    }

    [Test]
    public async Task Should_send_status_1_for_an_online_submission_not_yet_received()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await Run<SubmitOnlineHandler, DomainResult<OnlineSubmission>>(h => h.HandleAsync(new SubmitOnline(
            Guid.NewGuid(), Org.ShopA, Org.Business, new ApplicantData("Trần Thị Bình"), [new(Org.Form)])))).Ok().DossierId;

        var item = (await Page(Since, null, 10)).Ok().Items.ShouldHaveSingleItem();

        item.ShouldSatisfyAllConditions(i => i.DossierId.ShouldBe(id), i => i.StatusCode.ShouldBe(1), i => i.Status.ShouldBe(DossierStatus.Registered),
            i => i.Code.ShouldBeNull(), i => i.SubmittedAt.ShouldBe(Vn(2026, 3, 3, 9)), i => i.ReceivedAt.ShouldBeNull());
    }

    [Test]
    public async Task Should_give_dates_in_vietnam_time_with_their_offset_across_midnight()
    {
        // 17:30 UTC on 6 Dec is 00:30 on 7 Dec in Vietnam.
        var lateEvening = new DateTimeOffset(2026, 12, 6, 17, 30, 0, TimeSpan.Zero);
        await AddDossiersChangedAt(lateEvening, 1);

        var item = (await Page(Since, null, 10)).Ok().Items.ShouldHaveSingleItem();

        item.ReceivedAt!.Value.ShouldSatisfyAllConditions(t => t.Offset.ShouldBe(TimeSpan.FromHours(7)), t => t.Day.ShouldBe(7), t => t.Hour.ShouldBe(0),
            t => t.ShouldBe(lateEvening));
        item.UpdatedAt.Offset.ShouldBe(TimeSpan.FromHours(7));
        System.Text.Json.JsonSerializer.Serialize(item.ReceivedAt).ShouldBe("\"2026-12-07T00:30:00+07:00\"");
    }

    [TestCase("not-a-cursor")]
    [TestCase("MTIzOmFiYw")]
    [TestCase("")]
    public async Task Should_refuse_a_cursor_it_did_not_give(string after) =>
        (await Page(null, after, 10)).Fails(ErrorKind.Invalid).Field.ShouldBe("after");

    [Test]
    public async Task Should_ask_where_to_start_when_given_neither_an_instant_nor_a_cursor() =>
        (await Page(null, null, 10)).Fails(ErrorKind.Invalid).Field.ShouldBe("since");

    [TestCase(0)]
    [TestCase(501)]
    public async Task Should_refuse_a_page_size_out_of_range(int take) =>
        (await Page(Since, null, take)).Fails(ErrorKind.Invalid).Field.ShouldBe("take");
}

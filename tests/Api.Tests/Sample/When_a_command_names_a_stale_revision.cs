using System.Net;
using Api.Accounts;

namespace Api.Tests.Sample;

/// <summary>
/// The revision an <c>If-Match</c> names travels in the command and is compared under the dossier's row lock: a stale one
/// answers 412 with the current ETag and changes nothing, whichever command carries it; a fresh one goes through and the
/// answer's ETag is the revision after the change.
/// </summary>
public sealed class When_a_command_names_a_stale_revision
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private async Task<(int Revision, string Status)> Now(HttpClient client, Guid id)
    {
        var detail = await (await client.GetAsync($"/api/v1/dossiers/{id}")).Expect(HttpStatusCode.OK);
        return (detail.GetProperty("revision").GetInt32(), detail.GetProperty("dossier").GetProperty("status").GetString()!);
    }

    [Test]
    public async Task Should_give_the_counter_receipt_the_etag_of_the_dossier_it_created()
    {
        var clerk = await _api.As("ys.clerk");
        var received = await clerk.Post("/api/v1/dossiers", await Dossiers.CounterReception(_api, "Đặng Văn Thẻ"));
        var receipt = await received.Expect(HttpStatusCode.Created);
        var id = receipt.GetProperty("dossierId").GetGuid();
        var read = await clerk.GetAsync($"/api/v1/dossiers/{id}");
        received.ETag().ShouldBe(read.ETag());
        receipt.GetProperty("revision").GetInt32().ShouldBe((await Now(clerk, id)).Revision);
    }

    [Test]
    public async Task Should_refuse_a_stale_assignment_then_take_a_fresh_one_and_answer_the_new_etag()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api);
        var head = await _api.As("ys.economy.section-head");
        var before = await Now(head, id);

        var refused = await head.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" }, $"\"{before.Revision + 7}\"");

        var problem = await refused.Expect(HttpStatusCode.PreconditionFailed);
        problem.GetProperty("code").GetString().ShouldBe("stale-revision");
        problem.GetProperty("field").GetString().ShouldBe("If-Match");
        refused.ETag().ShouldBe($"\"{before.Revision}\"");
        (await Now(head, id)).ShouldBe(before);
        var assigned = await head.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" }, refused.ETag());
        await assigned.Expect(HttpStatusCode.OK);
        assigned.ETag().ShouldBe($"\"{before.Revision + 1}\"");
        (await Now(head, id)).Revision.ShouldBe(before.Revision + 1);
    }

    [Test]
    public async Task Should_refuse_a_stale_online_reception_and_a_stale_citizen_withdrawal()
    {
        var citizen = await _api.As(DemoAccounts.CitizenA);
        var id = await Citizen.SubmitAsync(_api, citizen, "Đặng Thị Cũ");
        var clerk = await _api.As("ys.clerk");
        var before = await Now(clerk, id);

        var reception = await clerk.Post($"/api/v1/dossiers/{id}/reception", new { decision = "Accept" }, $"\"{before.Revision + 1}\"");
        var withdrawal = await citizen.Post($"/api/v1/citizen/dossiers/{id}/withdrawal", new { reason = "Nộp nhầm thủ tục" }, $"\"{before.Revision + 1}\"");

        (await reception.Expect(HttpStatusCode.PreconditionFailed)).GetProperty("code").GetString().ShouldBe("stale-revision");
        (await withdrawal.Expect(HttpStatusCode.PreconditionFailed)).GetProperty("code").GetString().ShouldBe("stale-revision");
        reception.ETag().ShouldBe($"\"{before.Revision}\"");
        withdrawal.ETag().ShouldBe($"\"{before.Revision}\"");
        (await Now(clerk, id)).ShouldBe(before);
    }

    [Test]
    public async Task Should_answer_404_not_412_to_an_official_who_takes_no_part_in_the_dossier()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api);
        var stranger = await _api.As("hy.clerk");
        var refused = await stranger.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" }, "\"99\"");
        await refused.Expect(HttpStatusCode.NotFound);
        refused.ETag().ShouldBeNull();
    }
}

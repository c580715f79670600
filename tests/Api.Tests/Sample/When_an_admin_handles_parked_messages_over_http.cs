using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engine.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Tests.Shared;

namespace Api.Tests.Sample;

/// <summary>
/// A message the dispatcher could not publish is parked by the running API's own dispatcher and shown to system
/// administrators with its dossier, error and content; they replay it (back in line, fresh attempts) or discard it (never
/// published), each with a reason written into the workflow's history and the audit log. Anything else is refused with a
/// problem naming the field, and everyone but system administrators gets 403.
/// </summary>
public sealed class When_an_admin_handles_parked_messages_over_http : SampleAdminTest
{
    private const string Why = "Đã sửa lỗi dữ liệu của tin nhắn";
    /// <summary>A poisoned row of the dossier's workflow, once the API's dispatcher has parked it: its line in the list.</summary>
    private async Task<JsonElement> ParkedAsync(Guid? instance)
    {
        var id = await PoisonedMessages.AddAsync(DataSource, instance, Api.Factory.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxAttempts);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await (await Admin.GetAsync("/api/v1/admin/outbox/parked?take=500")).Expect(HttpStatusCode.OK);
            foreach (var row in page.GetProperty("items").EnumerateArray())
                if (row.GetProperty("id").GetGuid() == id) return row;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Outbox message {id} was not parked.");
            await Task.Delay(200);
        }
    }

    private Task<Received> DossierAsync(string name) => DossierAsync(name, "0915000222");

    private async Task<T> ScalarAsync<T>(string sql, Guid id)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Should_list_a_parked_message_with_its_dossier_and_error_then_replay_it_into_line_with_history_and_audit()
    {
        var (_, instance, code) = await DossierAsync("Trần Thị Tin Nhắn");
        var parked = await ParkedAsync(instance);
        var id = parked.GetProperty("id").GetGuid();
        (parked.GetProperty("instanceId").GetGuid(), parked.GetProperty("businessKey").GetString(), parked.GetProperty("type").GetString())
            .ShouldBe((instance, code, PoisonedMessages.Type));
        parked.GetProperty("lastError").GetString()!.ShouldContain("cannot be read as WorkItemOpened");
        parked.GetProperty("payload").GetString()!.ShouldContain("not-a-guid");
        var page = await (await Admin.GetAsync("/api/v1/admin/outbox/parked?take=1")).Expect(HttpStatusCode.OK);
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        await ShouldNameAsync(await Admin.PostAsJsonAsync($"/api/v1/admin/outbox/parked/{id}/replay", new { reason = "  " }), HttpStatusCode.UnprocessableEntity, "reason");
        (await ScalarAsync<bool>("SELECT parked_at IS NOT NULL FROM engine.outbox WHERE id = $1", id)).ShouldBeTrue("a refused replay changes nothing");

        var replayed = await (await Admin.PostAsJsonAsync($"/api/v1/admin/outbox/parked/{id}/replay", new { reason = Why })).Expect(HttpStatusCode.OK);
        (replayed.GetProperty("resolution").GetString(), replayed.GetProperty("actor").GetString()).ShouldBe((ParkedMessages.Replayed, "admin"));
        (await ScalarAsync<bool>("SELECT parked_at IS NULL AND dispatched_at IS NULL AND discarded_at IS NULL FROM engine.outbox WHERE id = $1", id))
            .ShouldBeTrue("back in line to be published");
        var listed = await (await Admin.GetAsync("/api/v1/admin/outbox/parked?take=500")).Expect(HttpStatusCode.OK);
        listed.GetProperty("items").EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetGuid() == id);
        await ShouldRefuseAsync(await Admin.PostAsJsonAsync($"/api/v1/admin/outbox/parked/{id}/discard", new { reason = Why }), HttpStatusCode.Conflict);

        var workflow = await (await Admin.GetAsync($"/api/v1/admin/instances/{instance}")).Expect(HttpStatusCode.OK);
        var noted = workflow.GetProperty("workflow").GetProperty("history").EnumerateArray().First(h => h.GetProperty("kind").GetString() == ParkedMessages.Replayed);
        (noted.GetProperty("actor").GetString(), noted.GetProperty("comment").GetString()).ShouldBe(("admin", Why));
        var audit = await (await Admin.GetAsync($"/api/v1/admin/audit?resourceId={id}")).Expect(HttpStatusCode.OK);
        audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("statusCode").GetInt32()))
            .ShouldBe([("message.discard", 409), ("message.replay", 200), ("message.replay", 422)], ignoreOrder: true);
    }

    [Test]
    public async Task Should_discard_a_parked_message_for_good_and_refuse_to_replay_it_afterwards()
    {
        var id = (await ParkedAsync(null)).GetProperty("id").GetGuid();

        var discarded = await (await Admin.PostAsJsonAsync($"/api/v1/admin/outbox/parked/{id}/discard", new { reason = "Tin nhắn thử, không cần gửi" })).Expect(HttpStatusCode.OK);
        discarded.GetProperty("resolution").GetString().ShouldBe(ParkedMessages.Discarded);
        (await ScalarAsync<string>("SELECT discarded_by FROM engine.outbox WHERE id = $1", id)).ShouldBe("admin");
        (await ScalarAsync<bool>("SELECT dispatched_at IS NULL FROM engine.outbox WHERE id = $1", id)).ShouldBeTrue("never published");
        var listed = await (await Admin.GetAsync("/api/v1/admin/outbox/parked?take=500")).Expect(HttpStatusCode.OK);
        listed.GetProperty("items").EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetGuid() == id);

        await ShouldRefuseAsync(await Admin.PostAsJsonAsync($"/api/v1/admin/outbox/parked/{id}/replay", new { reason = Why }), HttpStatusCode.Conflict);
        await ShouldNameAsync(await Admin.PostAsJsonAsync($"/api/v1/admin/outbox/parked/{Guid.NewGuid()}/replay", new { reason = Why }), HttpStatusCode.NotFound, "id");
    }

    [Test]
    public async Task Should_refuse_every_official_who_is_not_a_system_administrator()
    {
        var id = (await ParkedAsync(null)).GetProperty("id").GetGuid();
        foreach (var user in new[] { "ys.clerk", "ys.leader" })
        {
            var client = await Api.As(user);
            (await client.GetAsync("/api/v1/admin/outbox/parked")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync($"/api/v1/admin/outbox/parked/{id}/replay", new { reason = Why })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync($"/api/v1/admin/outbox/parked/{id}/discard", new { reason = Why })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await ScalarAsync<bool>("SELECT parked_at IS NOT NULL AND discarded_at IS NULL FROM engine.outbox WHERE id = $1", id)).ShouldBeTrue();
    }
}

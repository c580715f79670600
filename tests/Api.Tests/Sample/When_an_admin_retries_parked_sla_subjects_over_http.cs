using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tests.Shared;
using Worker.Sla;

namespace Api.Tests.Sample;

/// <summary>
/// A dossier's open work item parked by the SLA sweep (<see cref="SlaParking"/>, as the sweep parks it) is listed to system
/// administrators with its dossier, procedure, step, unit, due time and error; retried (one, or several in one call) its
/// parked mark is gone, so the next sweep takes it again; dismissed it needs a reason. Unknown subjects are refused with a
/// problem naming the field, and everyone but system administrators gets 403.
/// </summary>
public sealed class When_an_admin_retries_parked_sla_subjects_over_http : SampleAdminTest
{
    private const string List = "/api/v1/admin/sla/parked?take=500";
    /// <summary>Receives a dossier and parks its open work item as the sweep would; returns the item and the dossier's code.</summary>
    private async Task<(Guid Item, string Code)> ParkedAsync(string name)
    {
        var (dossier, instance, code) = await DossierAsync(name, "0915000333");
        await using var read = DataSource.CreateCommand("SELECT id, due_at FROM engine.work_items WHERE instance_id = $1 AND status = 'Open' AND due_at IS NOT NULL LIMIT 1");
        read.Parameters.Add(new() { Value = instance });
        await using var r = await read.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue("the received dossier has an open step with a due time");
        var (item, due) = (r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1));
        var subject = new SlaSubject(item, SlaSubject.WorkItem, "x", code, dossier, null, null, null, due, due, new HashSet<string>());
        await SlaParking.ParkAsync(DataSource, subject, new InvalidOperationException("Ngày nghỉ của đơn vị không đọc được"), DateTimeOffset.UtcNow, default);
        return (item, code);
    }

    private async Task<JsonElement?> RowAsync(Guid item)
    {
        var page = await (await Admin.GetAsync(List)).Expect(HttpStatusCode.OK);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(page.GetProperty("items").GetArrayLength());
        foreach (var row in page.GetProperty("items").EnumerateArray())
            if (row.GetProperty("subjectId").GetGuid() == item) return row;
        return null;
    }

    private async Task<long> ParkedRowsAsync(Guid item)
    {
        await using var cmd = DataSource.CreateCommand("SELECT count(*) FROM notifications.sla_alerts WHERE subject_id = $1 AND threshold = 'parked'");
        cmd.Parameters.Add(new() { Value = item });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Should_list_a_parked_item_with_its_dossier_and_error_then_retry_it()
    {
        var (item, code) = await ParkedAsync("Hoàng Thị Tạm Dừng");

        var row = (await RowAsync(item)).ShouldNotBeNull();
        (row.GetProperty("dossierCode").GetString(), row.GetProperty("kind").GetString()).ShouldBe((code, SlaSubject.WorkItem));
        row.GetProperty("error").GetString()!.ShouldContain("Ngày nghỉ của đơn vị không đọc được");
        row.GetProperty("procedure").GetString().ShouldNotBeNullOrWhiteSpace();
        row.GetProperty("step").GetString().ShouldNotBeNullOrWhiteSpace();
        row.GetProperty("unit").GetString().ShouldNotBeNullOrWhiteSpace();
        row.GetProperty("instanceId").GetGuid().ShouldNotBe(Guid.Empty);

        var retried = await (await Admin.PostAsync($"/api/v1/admin/sla/parked/{item}/retry", null)).Expect(HttpStatusCode.OK);
        retried.GetProperty("count").GetInt32().ShouldBe(1);
        (await ParkedRowsAsync(item)).ShouldBe(0, "the next sweep takes it again");
        (await RowAsync(item)).ShouldBeNull();
        await ShouldNameAsync(await Admin.PostAsync($"/api/v1/admin/sla/parked/{item}/retry", null), HttpStatusCode.NotFound, "id");
    }

    [Test]
    public async Task Should_retry_the_selected_items_in_one_call_and_refuse_an_unknown_one_without_changing_anything()
    {
        var (first, _) = await ParkedAsync("Đinh Văn Chọn");
        var (second, _) = await ParkedAsync("Đinh Thị Chọn");

        await ShouldNameAsync(await Admin.PostAsJsonAsync("/api/v1/admin/sla/parked/retry", new { subjectIds = new[] { first, Guid.NewGuid() } }), HttpStatusCode.NotFound, "subjectIds");
        await ShouldNameAsync(await Admin.PostAsJsonAsync("/api/v1/admin/sla/parked/retry", new { }), HttpStatusCode.UnprocessableEntity, "subjectIds");
        (await ParkedRowsAsync(first)).ShouldBe(1, "a refused retry changes nothing");

        var retried = await (await Admin.PostAsJsonAsync("/api/v1/admin/sla/parked/retry", new { subjectIds = new[] { first, second } })).Expect(HttpStatusCode.OK);
        retried.GetProperty("count").GetInt32().ShouldBe(2);
        (await ParkedRowsAsync(first) + await ParkedRowsAsync(second)).ShouldBe(0);
    }

    [Test]
    public async Task Should_dismiss_an_item_only_with_a_reason()
    {
        var (item, _) = await ParkedAsync("Vũ Văn Bỏ Qua");

        await ShouldNameAsync(await Admin.PostAsJsonAsync($"/api/v1/admin/sla/parked/{item}/dismiss", new { reason = " " }), HttpStatusCode.UnprocessableEntity, "reason");
        (await (await Admin.PostAsJsonAsync($"/api/v1/admin/sla/parked/{item}/dismiss", new { reason = "Đã báo qua điện thoại" })).Expect(HttpStatusCode.OK))
            .GetProperty("count").GetInt32().ShouldBe(1);

        (await RowAsync(item)).ShouldBeNull();
        (await ParkedRowsAsync(item)).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_every_official_who_is_not_a_system_administrator()
    {
        var (item, _) = await ParkedAsync("Lê Văn Không Quyền");
        foreach (var user in new[] { "ys.clerk", "ys.leader" })
        {
            var client = await Api.As(user);
            (await client.GetAsync(List)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsync($"/api/v1/admin/sla/parked/{item}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync("/api/v1/admin/sla/parked/retry", new { all = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync($"/api/v1/admin/sla/parked/{item}/dismiss", new { reason = "Không" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await ParkedRowsAsync(item)).ShouldBe(1);
    }
}

using System.Net;

namespace Api.Tests.Sample;

/// <summary>
/// Messages over HTTP on the sample province with the worker in the API process: the citizen is told of the receipt,
/// an official writes to the specialist (who reads it in the notifications) and to the citizen, and an admin changes a
/// template, which the next message uses with its version.
/// </summary>
public sealed class When_officials_and_citizens_are_messaged
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private static async Task<System.Text.Json.JsonElement> PollAsync(HttpClient client, string url, Func<System.Text.Json.JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var json = await (await client.GetAsync(url)).Expect(HttpStatusCode.OK);
            if (done(json)) return json;
            if (DateTime.UtcNow > deadline) Assert.Fail($"After 30 s, {url} still did not show what was awaited: {json}");
            await Task.Delay(200);
        }
    }

    [Test]
    public async Task Should_show_the_receipt_message_sent_to_the_citizen_in_the_dossier()
    {
        var (dossier, code) = await Dossiers.ReceiveAsync(_api, "Lê Thị Tin Nhắn", "0913000111");
        var clerk = await _api.As("ys.clerk");

        var log = await PollAsync(clerk, $"/api/v1/dossiers/{dossier}/messages",
            j => j.GetProperty("deliveries").EnumerateArray().Any(d => d.GetProperty("event").GetString() == "dossier-received"));
        var sms = log.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("event").GetString() == "dossier-received");
        (sms.GetProperty("channel").GetString(), sms.GetProperty("recipient").GetString(), sms.GetProperty("dossierCode").GetString())
            .ShouldBe(("sms", "0913000111", code));
    }

    [Test]
    public async Task Should_bring_an_officials_message_to_the_specialist_and_mark_it_read()
    {
        var (dossier, code) = await Dossiers.ReceiveAsync(_api, "Phan Văn Chuyên", "0913000222");
        var clerk = await _api.As("ys.clerk");
        var specialist = await _api.As("ys.economy.specialist");
        var before = (await (await specialist.GetAsync("/api/v1/notifications/unread-count")).Expect(HttpStatusCode.OK)).GetInt32();

        await (await clerk.Post($"/api/v1/dossiers/{dossier}/messages",
            new { recipientKind = "specialist", specialistUserName = "ys.economy.specialist", body = "Hồ sơ cần xử lý gấp <b>trong ngày</b>." })).Expect(HttpStatusCode.OK);

        (await (await specialist.GetAsync("/api/v1/notifications/unread-count")).Expect(HttpStatusCode.OK)).GetInt32().ShouldBe(before + 1);
        var page = await (await specialist.GetAsync("/api/v1/notifications?unreadOnly=true")).Expect(HttpStatusCode.OK);
        var item = page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("title").GetString()!.Contains(code));
        item.GetProperty("body").GetString().ShouldBe("Hồ sơ cần xử lý gấp <b>trong ngày</b>.");
        await (await specialist.Post("/api/v1/notifications/read", new { ids = new[] { item.GetProperty("id").GetGuid() } })).Expect(HttpStatusCode.OK);
        (await (await specialist.GetAsync("/api/v1/notifications/unread-count")).Expect(HttpStatusCode.OK)).GetInt32().ShouldBe(before);

        var history = await (await clerk.GetAsync($"/api/v1/dossiers/{dossier}/messages")).Expect(HttpStatusCode.OK);
        history.GetProperty("messages").EnumerateArray().ShouldContain(m => m.GetProperty("recipient").GetString() == "ys.economy.specialist");
        var detail = await (await clerk.GetAsync($"/api/v1/dossiers/{dossier}")).Expect(HttpStatusCode.OK);
        var sent = detail.GetProperty("dossier").GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "MessageSent");
        (sent.GetProperty("actor").GetString(), sent.GetProperty("receiver").GetString(), sent.GetProperty("comment").GetString())
            .ShouldBe(("ys.clerk", "ys.economy.specialist", "Hồ sơ cần xử lý gấp <b>trong ngày</b>."));
    }

    [Test]
    public async Task Should_refuse_a_message_to_a_specialist_outside_the_dossiers_units_naming_the_field()
    {
        var (dossier, _) = await Dossiers.ReceiveAsync(_api, "Vũ Văn Ngoài", "0913000333");
        var clerk = await _api.As("ys.clerk");
        var problem = await (await clerk.Post($"/api/v1/dossiers/{dossier}/messages",
            new { recipientKind = "specialist", specialistUserName = "hy.clerk", body = "Xin chào" })).Expect(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("field").GetString().ShouldBe("specialistUserName");
    }

    [Test]
    public async Task Should_send_the_citizen_the_edited_template_and_record_its_version()
    {
        var admin = await _api.As("admin");
        var saved = await (await admin.Post("/api/v1/admin/templates", new
        {
            @event = "official-message", channel = "sms", locale = "vi", subject = "Thông báo", body = "UBND: {{Message}} ({{DossierCode}})",
        })).Expect(HttpStatusCode.OK);
        var version = saved.GetProperty("version").GetInt32();
        version.ShouldBeGreaterThan(1);

        var (dossier, code) = await Dossiers.ReceiveAsync(_api, "Đinh Thị Mẫu", "0913000444");
        var clerk = await _api.As("ys.clerk");
        await (await clerk.Post($"/api/v1/dossiers/{dossier}/messages", new { recipientKind = "citizen", body = "Mời ông bà đến nhận kết quả." }))
            .Expect(HttpStatusCode.OK);

        var log = await PollAsync(clerk, $"/api/v1/dossiers/{dossier}/messages",
            j => j.GetProperty("deliveries").EnumerateArray().Any(d => d.GetProperty("event").GetString() == "official-message"));
        var sms = log.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("event").GetString() == "official-message");
        sms.GetProperty("templateVersion").GetInt32().ShouldBe(version);

        var history = await (await admin.GetAsync("/api/v1/admin/templates/official-message/sms/vi/history")).Expect(HttpStatusCode.OK);
        history.EnumerateArray().Select(t => t.GetProperty("version").GetInt32()).ShouldContain(version);
        code.ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task Should_refuse_a_template_with_an_unknown_placeholder_naming_it()
    {
        var admin = await _api.As("admin");
        var problem = await (await admin.Post("/api/v1/admin/templates", new
        {
            @event = "dossier-received", channel = "email", locale = "vi", subject = "Hồ sơ {{DossierCode}}", body = "Hẹn ngày {{Apointment}}",
        })).Expect(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("Apointment");
    }

    [Test]
    public async Task Should_preview_a_template_with_sample_data()
    {
        var admin = await _api.As("admin");
        var preview = await (await admin.Post("/api/v1/admin/templates/preview", new { @event = "dossier-received", channel = "email", locale = "vi" }))
            .Expect(HttpStatusCode.OK);
        preview.GetProperty("body").GetString()!.ShouldContain("Nguyễn Thị Hương");
    }
}

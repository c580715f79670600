using Procedures.Common;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Templates;
using Worker.Tests.Delivery;
using Worker.Tests.Notifications;

namespace Worker.Tests.Templates;

public sealed class When_an_admin_edits_templates : NotificationsTest
{
    private Task<DomainResult<TemplateView>> SaveAsync(string? subject, string body, string eventName = TemplateEvents.DossierReceived,
        string channel = "email", string locale = "vi") =>
        With<SaveTemplateHandler, DomainResult<TemplateView>>(h => h.HandleAsync("admin", new SaveTemplate(eventName, channel, locale, subject, body)));

    private async Task<List<DeliveryRecord>> NotifyAsync(CitizenNotice notice)
    {
        await With<QueueCitizenNotice, bool>(async q => { await q.HandleAsync(notice, CancellationToken.None); return true; });
        return await With<NotificationsDbAccess, List<DeliveryRecord>>(a => a.DeliveriesAsync());
    }

    [Test]
    public async Task Should_start_with_Vietnamese_and_English_templates_for_every_event_and_channel()
    {
        var latest = await With<ListTemplatesQuery, IReadOnlyList<TemplateView>>(q => q.LatestAsync());
        latest.Count.ShouldBe(TemplateEvents.All.Count * 3 * 2);
        foreach (var evt in TemplateEvents.All)
            foreach (var channel in new[] { "email", "sms", "in-app" })
                foreach (var locale in new[] { "vi", "en" })
                    latest.ShouldContain(t => t.Event == evt && t.Channel == channel && t.Locale == locale && t.Version == 1);
    }

    [Test]
    public async Task Should_reject_an_unknown_placeholder_naming_it_and_the_field()
    {
        var body = await SaveAsync("Hồ sơ {{DossierCode}}", "Kính gửi {{HoTen}}, hẹn ngày {{AppointmentDate}}.");
        body.Error.ShouldNotBeNull();
        (body.Error.Kind, body.Error.Code, body.Error.Field).ShouldBe((ErrorKind.Invalid, "unknown-placeholder", "body"));
        body.Error.MessageVi.ShouldContain("{{HoTen}}");
        body.Error.MessageEn.ShouldContain("{{HoTen}}");

        var subject = await SaveAsync("Hồ sơ {{MaHoSo}}", "Kính gửi {{CitizenName}}");
        (subject.Error!.Field, subject.Error.MessageEn.Contains("{{MaHoSo}}", StringComparison.Ordinal)).ShouldBe(("subject", true));
    }

    [Test]
    public async Task Should_reject_a_placeholder_of_another_event_or_left_open()
    {
        (await SaveAsync("Kết quả", "Nhận tại {{ReturnPlace}}")).Error!.MessageEn.ShouldContain("{{ReturnPlace}}");
        (await SaveAsync("Hồ sơ", "Hẹn ngày {{AppointmentDate")).Error!.Code.ShouldBe("unclosed-placeholder");
        (await SaveAsync("Hồ sơ", "x", eventName: "dossier-lost")).Error!.Field.ShouldBe("event");
        (await SaveAsync("Hồ sơ", "x", channel: "fax")).Error!.Field.ShouldBe("channel");
        (await SaveAsync("Hồ sơ", "x", locale: "fr")).Error!.Field.ShouldBe("locale");
        (await SaveAsync("", "x")).Error!.Field.ShouldBe("subject");
    }

    [Test]
    public async Task Should_send_with_the_latest_version_and_record_which_one()
    {
        (await NotifyAsync(When_a_citizen_is_emailed.Received())).Single().TemplateVersion.ShouldBe(1);

        var saved = await SaveAsync("Biên nhận hồ sơ {{DossierCode}}", "Kính gửi {{CitizenName}}, hẹn trả ngày {{AppointmentDate}}.");
        saved.Value!.Version.ShouldBe(2);
        var log = await NotifyAsync(When_a_citizen_is_emailed.Received());
        log.Select(d => d.TemplateVersion).ShouldBe([1, 2]);
        log[1].Subject.ShouldBe("Biên nhận hồ sơ 000.01.31.H29-260303-0007");
        log[1].Body.ShouldBe("Kính gửi Nguyễn Thị Hương, hẹn trả ngày 06/03/2026.");
        (await With<ListTemplatesQuery, IReadOnlyList<TemplateView>>(q => q.HistoryAsync(TemplateEvents.DossierReceived, "email", "vi")))
            .Select(t => t.Version).ShouldBe([2, 1]);
    }

    [Test]
    public async Task Should_preview_the_saved_template_and_a_draft_with_sample_values()
    {
        var saved = await With<PreviewTemplateHandler, DomainResult<TemplatePreview>>(h => h.HandleAsync(new PreviewTemplate(TemplateEvents.ApologyIssued, "email", "vi")));
        saved.Value!.Version.ShouldBe(1);
        saved.Value.Subject.ShouldBe("Xin lỗi và hẹn lại ngày trả kết quả hồ sơ 000.01.31.H29-260303-0007");
        saved.Value.Body.ShouldContain("Ngày hẹn trả kết quả mới: 12/03/2026");
        saved.Value.Body.ShouldNotContain("{{");

        var draft = await With<PreviewTemplateHandler, DomainResult<TemplatePreview>>(h => h.HandleAsync(
            new PreviewTemplate(TemplateEvents.SupplementRequested, "sms", "vi", null, "Bo sung: {{MissingItems}}", new Dictionary<string, string> { ["MissingItems"] = "CCCD" })));
        draft.Value!.Body.ShouldBe("Bo sung: CCCD");
        (await With<PreviewTemplateHandler, DomainResult<TemplatePreview>>(h => h.HandleAsync(
            new PreviewTemplate(TemplateEvents.SupplementRequested, "sms", "vi", null, "{{Foo}}")))).Error!.Field.ShouldBe("body");
    }

    [Test]
    public async Task Should_stop_sending_on_a_channel_whose_template_was_deleted()
    {
        (await With<DeleteTemplateHandler, DomainResult<bool>>(h => h.HandleAsync("admin", new DeleteTemplate(TemplateEvents.DossierReceived, "sms", "vi")))).Value.ShouldBeTrue();
        var log = await NotifyAsync(When_a_citizen_is_emailed.Received(phone: "0912345678"));
        log.Select(d => d.Channel).ShouldBe([Worker.Channels.MessageChannel.Email]);
        (await With<DeleteTemplateHandler, DomainResult<bool>>(h => h.HandleAsync("admin", new DeleteTemplate(TemplateEvents.DossierReceived, "sms", "vi")))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Worker.Channels;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Notifications;
using Worker.Tests.Notifications;

namespace Worker.Tests.Messaging;

/// <summary>
/// The adapters from the dossier records the use cases write (received, supplement requested, refused, apology, result
/// ready, returned) to citizen notices: the citizen is told on every channel with the names read from the database, once.
/// </summary>
public sealed class When_a_dossier_record_reaches_the_worker : NotificationsTest
{
    private static readonly Guid Account = Guid.CreateVersion7();
    private Province _province = null!;
    private Dossier _dossier = null!;

    [SetUp]
    public async Task SeedDossier()
    {
        _province = await Province.SeedAsync(Services);
        _dossier = await _province.AddDossierAsync(Services, "000.01.31.H29-260303-0007", _province.CommuneA, Tuesday9, At(2026, 3, 6, 17, 0));
        await ExecuteAsync("UPDATE procedures.dossiers SET citizen_account_id = $1 WHERE id = $2", Account, _dossier.Id);
        await ExecuteAsync("UPDATE procedures.procedures SET result_documents = ARRAY['Giấy khai sinh (bản chính)'] WHERE id = $1", _province.Procedure.Id);
    }

    private CitizenContact Contact => new(Account, "0912345678", "huong@example.vn");

    private async Task ConsumeAsync<T>(T record, Guid messageId) where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<NotifyCitizen>(scope.ServiceProvider).HandleAsync(record, messageId, CancellationToken.None);
    }

    private Task<List<DeliveryRecord>> DeliveriesAsync() =>
        With<NotificationsDbAccess, List<DeliveryRecord>>(a => a.DeliveriesAsync());

    private async Task<DeliveryRecord> EmailAsync(string eventName) =>
        (await DeliveriesAsync()).Single(d => d.Event == eventName && d.Channel == MessageChannel.Email);

    [Test]
    public async Task Should_tell_the_citizen_the_code_appointment_and_tracking_link_on_receipt()
    {
        await ConsumeAsync(new DossierReceived(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, _province.CommuneA.Id, _province.Procedure.Id,
            Tuesday9, At(2026, 3, 6, 17, 0), 0, Contact), Guid.CreateVersion7());

        var log = await DeliveriesAsync();
        log.Select(d => d.Channel).Order().ShouldBe([MessageChannel.Email, MessageChannel.Sms, MessageChannel.InApp]);
        var email = log.Single(d => d.Channel == MessageChannel.Email);
        (email.Recipient, email.Subject, email.DossierCode).ShouldBe(("huong@example.vn", "Đã tiếp nhận hồ sơ 000.01.31.H29-260303-0007", "000.01.31.H29-260303-0007"));
        email.Body.ShouldBe("""
            Kính gửi Nguyễn Thị Hương,

            Ủy ban nhân dân xã Tân Phú đã tiếp nhận hồ sơ Đăng ký khai sinh của Ông/Bà ngày 03/03/2026.
            Mã hồ sơ: 000.01.31.H29-260303-0007
            Ngày hẹn trả kết quả: 06/03/2026
            Tra cứu tình trạng hồ sơ: http://127.0.0.1:5080/tra-cuu?ma-ho-so=000.01.31.H29-260303-0007

            Trân trọng.
            """.ReplaceLineEndings("\n"));
        (await With<NotificationsDbAccess, List<InboxItem>>(a => a.InboxAsync())).ShouldHaveSingleItem().Recipient.ShouldBe(Recipients.Citizen(Account));
    }

    [Test]
    public async Task Should_tell_the_citizen_once_when_the_same_record_comes_again_or_concurrently()
    {
        var id = Guid.CreateVersion7();
        var record = new DossierRefused(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, true, "Không thuộc thẩm quyền", Tuesday9, Contact);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ConsumeAsync(record, id))));
        await ConsumeAsync(record, id);

        (await DeliveriesAsync()).Count.ShouldBe(3);
        (await EmailAsync("dossier-refused")).Body.ShouldContain("Lý do: Không thuộc thẩm quyền");
    }

    [Test]
    public async Task Should_date_a_refusal_at_00_30_in_vietnam_by_the_vietnamese_day_not_the_utc_one()
    {
        // 17:30 UTC on 6 Dec is 00:30 on 7 Dec in Vietnam; the message once said 06/12.
        var refusedAt = new DateTimeOffset(2026, 12, 6, 17, 30, 0, TimeSpan.Zero);
        await ConsumeAsync(new DossierRefused(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, true, "Không thuộc thẩm quyền", refusedAt, Contact),
            Guid.CreateVersion7());

        (await EmailAsync("dossier-refused")).Body.ShouldContain("(Đăng ký khai sinh) ngày 07/12/2026.");
        (await DeliveriesAsync()).Single(d => d.Channel == MessageChannel.Sms).Body
            .ShouldBe("Ho so 000.01.31.H29-260303-0007 bi tu choi ngay 07/12/2026. Ly do: Không thuộc thẩm quyền");
    }

    [Test]
    public async Task Should_date_a_receipt_and_its_appointment_just_before_midnight_in_vietnam()
    {
        // 16:59 UTC on 6 Dec is 23:59 on 6 Dec in Vietnam; 17:00 UTC is already 7 Dec.
        await ConsumeAsync(new DossierReceived(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, _province.CommuneA.Id, _province.Procedure.Id,
            new DateTimeOffset(2026, 12, 6, 16, 59, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero), 0, Contact), Guid.CreateVersion7());

        var body = (await EmailAsync("dossier-received")).Body;
        body.ShouldContain("của Ông/Bà ngày 06/12/2026.");
        body.ShouldContain("Ngày hẹn trả kết quả: 08/12/2026");
    }

    [Test]
    public async Task Should_list_every_missing_item_and_the_deadline_when_a_supplement_is_requested()
    {
        await ConsumeAsync(new SupplementRequested(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, ["Bản sao giấy chứng sinh", "Tờ khai có chữ ký"],
            At(2026, 3, 10, 17, 0), Contact), Guid.CreateVersion7());

        var email = await EmailAsync("supplement-requested");
        email.Body.ShouldContain("Bản sao giấy chứng sinh; Tờ khai có chữ ký");
        email.Body.ShouldContain("trước ngày 10/03/2026");
        (await DeliveriesAsync()).Single(d => d.Channel == MessageChannel.Sms).Body
            .ShouldBe("Ho so 000.01.31.H29-260303-0007 can bo sung: Bản sao giấy chứng sinh; Tờ khai có chữ ký. Han: 10/03/2026.");
    }

    [Test]
    public async Task Should_give_the_apology_reason_and_both_dates_in_the_name_of_the_unit_that_caused_the_delay()
    {
        await ExecuteAsync("UPDATE procedures.dossiers SET apology_reason = 'Chờ kết quả xác minh của xã Hòa Bình' WHERE id = $1", _dossier.Id);
        await ConsumeAsync(new ApologyIssued(_dossier.Id, _dossier.Code!, _province.CommuneB.Id, At(2026, 3, 6, 17, 0), At(2026, 3, 12, 17, 0), Contact),
            Guid.CreateVersion7());

        var body = (await EmailAsync("apology-issued")).Body;
        body.ShouldContain("Ủy ban nhân dân xã Hòa Bình xin lỗi Ông/Bà");
        body.ShouldContain("đúng hẹn ngày 06/03/2026");
        body.ShouldContain("Lý do: Chờ kết quả xác minh của xã Hòa Bình");
        body.ShouldContain("Ngày hẹn trả kết quả mới: 12/03/2026");
    }

    [Test]
    public async Task Should_name_the_result_and_where_to_collect_it_when_it_is_ready()
    {
        await ConsumeAsync(new ResultReady(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, At(2026, 3, 5, 10, 0), At(2026, 3, 6, 17, 0), Contact),
            Guid.CreateVersion7());

        (await EmailAsync("result-ready")).Body.ShouldContain("đã có kết quả: Giấy khai sinh (bản chính).\nMời Ông/Bà nhận kết quả tại Ủy ban nhân dân xã Tân Phú.");
    }

    [Test]
    public async Task Should_say_where_to_download_and_check_a_signed_result()
    {
        await ExecuteAsync("""
            INSERT INTO procedures.signed_results (id, dossier_id, file_name, content, sha256, signed_by, signer_name, certificate_thumbprint, signed_at)
            VALUES (gen_random_uuid(), $1, 'ket-qua.pdf', '\x255044462d', repeat('0', 64), 'leader', 'Nguyễn Văn An', repeat('A', 40), now())
            """, _dossier.Id);

        await ConsumeAsync(new ResultReady(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, At(2026, 3, 5, 10, 0), At(2026, 3, 6, 17, 0), Contact),
            Guid.CreateVersion7());

        var log = await DeliveriesAsync();
        log.ShouldNotContain(d => d.Event == "result-ready");
        log.Where(d => d.Event == "signed-result-ready").Select(d => d.Channel).Order().ShouldBe([MessageChannel.Email, MessageChannel.Sms, MessageChannel.InApp]);
        var email = await EmailAsync("signed-result-ready");
        email.Subject.ShouldBe("Hồ sơ 000.01.31.H29-260303-0007 đã có kết quả điện tử ký số");
        email.Body.ShouldContain("tại mục Hồ sơ của tôi: http://127.0.0.1:5080/cong-dan/ho-so");
        email.Body.ShouldContain("tại trang tra cứu: http://127.0.0.1:5080/tra-cuu?ma-ho-so=000.01.31.H29-260303-0007, nhập mã hồ sơ và 4 số cuối");
        email.Body.ShouldContain("Kiểm tra chữ ký số của kết quả tại: http://127.0.0.1:5080/xac-thuc");
    }

    [Test]
    public async Task Should_ask_for_a_rating_once_the_result_is_handed_over()
    {
        await ConsumeAsync(new DossierReturned(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, At(2026, 3, 6, 9, 0), Channel.Counter,
            Timeliness.OnTime, Contact), Guid.CreateVersion7());

        (await EmailAsync("rating-requested")).Body.ShouldContain("http://127.0.0.1:5080/tra-cuu?ma-ho-so=000.01.31.H29-260303-0007&danh-gia=1");
    }

    [Test]
    public async Task Should_send_nothing_when_the_citizen_left_no_way_to_be_reached()
    {
        await ConsumeAsync(new DossierReceived(_dossier.Id, _dossier.Code!, _province.CommuneA.Id, _province.CommuneA.Id, _province.Procedure.Id,
            Tuesday9, At(2026, 3, 6, 17, 0), 0, new CitizenContact(null, null, " ")), Guid.CreateVersion7());

        (await DeliveriesAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Should_map_every_dossier_record_in_the_outbox_under_the_name_the_use_cases_write()
    {
        var map = Services.GetRequiredService<Engine.Outbox.OutboxTypeMap>();
        foreach (var type in NotifyCitizen.Records) map.Resolve(type.FullName!).ShouldBe(type);
    }
}

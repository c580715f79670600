using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sample;

/// <summary>
/// A creation sent again with the same <c>Idempotency-Key</c> (a double click, a reconnect replay) answers the first result
/// and creates nothing, even when the retries race each other; the key with another request is refused; no key, no change.
/// </summary>
public sealed class When_a_creation_is_retried
{
    private const int Retries = 20;
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private Task<int> DossiersOf(string applicant) => _api.Db(db => db.Dossiers.CountAsync(d => d.Applicant.FullName == applicant));

    private static async Task<HttpResponseMessage> PostJson(HttpClient client, string url, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] content, string name, string? key)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/attachments") { Content = form };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>All at once, each on its own client as separate browsers' retries would be; the answers' statuses and bodies.</summary>
    private static async Task<List<(HttpStatusCode Status, string Body)>> Race(Func<Task<HttpResponseMessage>> send)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, Retries).Select(async _ =>
        {
            await start.Task;
            using var response = await send();
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(calls)];
    }

    [Test]
    public async Task Should_create_one_dossier_for_twenty_racing_receptions_and_give_each_the_same_code()
    {
        var name = Unique("Lê Văn Thử");
        var body = await Dossiers.CounterReception(_api, name);
        var clerk = await _api.As("ys.clerk");
        var key = Guid.NewGuid().ToString();

        var answers = await Race(() => PostJson(clerk, "/api/v1/dossiers", body, key));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Created, string.Join("\n", answers.Select(a => a.Body)));
        answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("code").GetString()).Distinct().Count().ShouldBe(1);
        answers.Select(a => a.Body).Distinct().Count().ShouldBe(1);
        (await DossiersOf(name)).ShouldBe(1);
        var again = await PostJson(clerk, "/api/v1/dossiers", body, key);
        (await again.Content.ReadAsStringAsync()).ShouldBe(answers[0].Body);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await DossiersOf(name)).ShouldBe(1);
    }

    [Test]
    public async Task Should_create_one_online_submission_for_twenty_racing_retries_with_its_attachment_bound_once()
    {
        var citizen = await _api.As(DemoAccounts.CitizenB);
        var scan = await Citizen.UploadAsync(citizen, "%PDF-1.5\nidempotent\n"u8.ToArray(), "don.pdf");
        var (procedure, required) = await _api.ProcedureAsync(Dossiers.Procedure);
        var name = Unique("Trần Thị Thử");
        var body = new
        {
            receivingUnitId = await _api.UnitAsync(Dossiers.Shop), procedureId = procedure,
            applicant = new { fullName = name, idNumber = "001085099999", phone = "0901000002" },
            documents = required.Select((id, i) => new { procedureDocumentId = id, attachmentId = i == 0 ? scan : (Guid?)null }).ToArray(),
        };
        var key = Guid.NewGuid().ToString();

        var answers = await Race(() => PostJson(citizen, "/api/v1/citizen/dossiers", body, key));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Created, string.Join("\n", answers.Select(a => a.Body)));
        answers.Select(a => a.Body).Distinct().Count().ShouldBe(1);
        (await DossiersOf(name)).ShouldBe(1);
        var dossierId = JsonDocument.Parse(answers[0].Body).RootElement.GetProperty("dossierId").GetGuid();
        (await _api.Db(db => db.DossierEvents.CountAsync(e => e.DossierId == dossierId && e.Kind == "AttachmentsAdded"))).ShouldBe(1);
        // Its attachment is bound now: a later retry still answers the first submission, not "unknown attachment".
        var later = await PostJson(citizen, "/api/v1/citizen/dossiers", body, key);
        later.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await later.Content.ReadAsStringAsync()).ShouldBe(answers[0].Body);
    }

    [Test]
    public async Task Should_store_one_file_for_twenty_racing_uploads_with_one_key()
    {
        // An account that uploads nothing else here: the twenty requests fit its 20 uploads a minute exactly.
        var clerk = await _api.As("ys.economy.section-head");
        var bytes = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 idempotent {Guid.NewGuid()}");
        var key = Guid.NewGuid().ToString();
        var filesBefore = Directory.Exists(_api.FilesFolder) ? Directory.EnumerateFiles(_api.FilesFolder, "*", SearchOption.AllDirectories).Count() : 0;

        var answers = await Race(() => Upload(clerk, bytes, "to-khai.pdf", key));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Created, string.Join("\n", answers.Select(a => a.Body)));
        answers.Select(a => a.Body).Distinct().Count().ShouldBe(1);
        var sha = JsonDocument.Parse(answers[0].Body).RootElement.GetProperty("sha256").GetString();
        await using var scope = _api.Factory.Services.CreateAsyncScope();
        var apiDb = scope.ServiceProvider.GetRequiredService<Api.Persistence.ApiDb>();
        (await apiDb.Attachments.CountAsync(a => a.Sha256 == sha)).ShouldBe(1);
        Directory.EnumerateFiles(_api.FilesFolder, "*", SearchOption.AllDirectories).Count().ShouldBe(filesBefore + 1);
    }

    [Test]
    public async Task Should_refuse_the_same_key_with_another_request_and_create_nothing()
    {
        var clerk = await _api.As("ys.clerk");
        var key = Guid.NewGuid().ToString();
        var first = Unique("Phạm Văn Một");
        (await PostJson(clerk, "/api/v1/dossiers", await Dossiers.CounterReception(_api, first), key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = Unique("Phạm Văn Hai");

        var refused = await PostJson(clerk, "/api/v1/dossiers", await Dossiers.CounterReception(_api, other), key);

        var problem = await refused.Expect(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("code").GetString().ShouldBe("idempotency-key-reused");
        problem.GetProperty("field").GetString().ShouldBe("Idempotency-Key");
        problem.GetProperty("detail").GetString().ShouldBe("Idempotency-Key đã dùng cho yêu cầu khác.");
        (await DossiersOf(other)).ShouldBe(0);
        var upload = await Upload(clerk, "%PDF-1.4 another"u8.ToArray(), "khac.pdf", key);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, "an upload is another actor's key space than a reception: the key is free there");
        var reupload = await Upload(clerk, "%PDF-1.4 different bytes"u8.ToArray(), "khac.pdf", key);
        (await reupload.Expect(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("idempotency-key-reused");
    }

    [Test]
    public async Task Should_receive_twice_without_a_key_and_refuse_an_unreadable_one()
    {
        var clerk = await _api.As("ys.clerk");
        var name = Unique("Võ Văn Hai Lần");
        var body = await Dossiers.CounterReception(_api, name);

        var codes = new[]
        {
            (await (await PostJson(clerk, "/api/v1/dossiers", body, null)).Expect(HttpStatusCode.Created)).GetProperty("code").GetString(),
            (await (await PostJson(clerk, "/api/v1/dossiers", body, null)).Expect(HttpStatusCode.Created)).GetProperty("code").GetString(),
        };

        codes.Distinct().Count().ShouldBe(2);
        (await DossiersOf(name)).ShouldBe(2);
        var bad = await PostJson(clerk, "/api/v1/dossiers", body, new string('k', 201));
        (await bad.Expect(HttpStatusCode.BadRequest)).GetProperty("field").GetString().ShouldBe("Idempotency-Key");
        (await DossiersOf(name)).ShouldBe(2);
    }

    [Test]
    public async Task Should_take_a_question_and_a_feedback_once_when_sent_twice_with_their_keys()
    {
        var citizen = await _api.As(DemoAccounts.CitizenB);
        var title = Unique("Hỏi về lệ phí");
        var (questionKey, feedbackKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var question = new { title, body = "Lệ phí đăng ký hộ kinh doanh là bao nhiêu?" };
        var feedback = new { subject = title, body = "Cán bộ hướng dẫn nhiệt tình." };

        var asked = await Race(() => PostJson(citizen, "/api/v1/citizen/questions", question, questionKey));
        var given = await Race(() => PostJson(citizen, "/api/v1/citizen/feedback", feedback, feedbackKey));

        asked.Concat(given).ShouldAllBe(a => a.Status == HttpStatusCode.Created, string.Join("\n", asked.Concat(given).Select(a => a.Body)));
        asked.Select(a => a.Body).Distinct().Count().ShouldBe(1);
        given.Select(a => a.Body).Distinct().Count().ShouldBe(1);
        (await _api.Db(db => db.Questions.CountAsync(q => q.Title == title))).ShouldBe(1);
        (await _api.Db(db => db.Feedback.CountAsync(f => f.Subject == title))).ShouldBe(1);
    }
}

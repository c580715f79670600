using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Accounts;
using Api.Attachments;
using Api.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Shared;

namespace Api.Tests;

public sealed class When_a_citizen_uploads_many_files
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;
    private readonly MovableClock _clock = new(Start);
    private WebApplicationFactory<Program> _factory = null!;
    private string _files = "";

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _files = Directory.CreateTempSubdirectory("iso-upload-quota-").FullName;
        _factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_uploads"), new Dictionary<string, string>
            {
                ["Files:Folder"] = _files, ["Files:UploadsPerMinute"] = "4", ["Files:UnattachedFilesPerAccount"] = "3",
            })
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));
    }

    // Tokens and sign-ins of the next test happen now, not a day later.
    [TearDown]
    public void ResetClock() => _clock.Set(Start);

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    [Test]
    public async Task Should_refuse_uploads_over_the_unattached_quota_then_over_the_rate_naming_the_field()
    {
        var citizen = await CitizenAsync();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++) answers.Add(await UploadAsync(citizen));

        answers.Take(3).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        await Refused(answers[3], HttpStatusCode.UnprocessableEntity, "upload-quota");
        await Refused(answers[4], HttpStatusCode.TooManyRequests, "upload-rate");
        answers[4].Headers.RetryAfter.ShouldNotBeNull();
    }

    [Test]
    public async Task Should_purge_an_upload_left_unattached_for_a_day_with_its_bytes()
    {
        var citizen = await CitizenAsync();
        var upload = await UploadAsync(citizen);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var purge = _factory.Services.GetRequiredService<UnattachedUploadsPurge>();
        var store = _factory.Services.GetRequiredService<IFileStore>();

        _clock.Advance(TimeSpan.FromHours(23));
        await purge.PurgeAsync(CancellationToken.None);
        (await AttachmentExistsAsync(id)).ShouldBeTrue();

        _clock.Advance(TimeSpan.FromHours(2));
        (await purge.PurgeAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        (await AttachmentExistsAsync(id)).ShouldBeFalse();
        (await store.OpenAsync(id, CancellationToken.None)).ShouldBeNull();
    }

    private async Task<bool> AttachmentExistsAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiDb>().Attachments.AnyAsync(a => a.Id == id);
    }

    private static async Task Refused(HttpResponseMessage answer, HttpStatusCode status, string code)
    {
        answer.StatusCode.ShouldBe(status);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue(problem.GetRawText());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client)
    {
        var file = new ByteArrayContent("%PDF-1.4\n% giấy tờ\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return client.PostAsync("/api/v1/attachments", new MultipartFormDataContent { { file, "file", "giay-to.pdf" } });
    }

    /// <summary>A new, verified citizen with a bearer token.</summary>
    private async Task<HttpClient> CitizenAsync()
    {
        var client = _factory.CreateClient();
        var login = $"tai.len.{Guid.NewGuid():N}"[..18] + "@example.vn";
        (await client.PostAsJsonAsync("/api/v1/citizen/account/register", new { fullName = "Người Tải Lên", login, password = "MatKhau@2025" })).EnsureSuccessStatusCode();
        var code = ((LoggingVerificationSender)_factory.Services.GetRequiredService<IVerificationSender>()).LastCode(login);
        (await client.PostAsJsonAsync("/api/v1/citizen/account/verify", new { login, code })).EnsureSuccessStatusCode();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", userName = login, password = "MatKhau@2025" });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Accounts;
using Api.Tests.Sample;

namespace Api.Tests;

/// <summary>
/// Found by probing a fresh <c>./run.sh</c>: a cookie copied before sign-out still answered 200 on <c>/api/v1/me</c>, and after
/// a password change the old cookie and the old access token still worked. Now signing out ends that session (its copies
/// and its refresh token too), a password change or reset ends every session of the account, and so does a deactivation.
/// The API here has a database of its own, so ending sessions does not touch the shared fixtures' tokens.
/// </summary>
public sealed class When_sessions_end
{
    private const string NewPassword = "Mat-khau@Moi2026";
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    private async Task<string> CookieAsync(string userName, string password = DemoAccounts.Password)
    {
        var response = await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iso.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<(string Access, string Refresh)> TokenAsync(string userName, string password = DemoAccounts.Password)
    {
        var token = await (await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", userName, password })).Expect(HttpStatusCode.OK);
        return (token.GetProperty("access_token").GetString()!, token.GetProperty("refresh_token").GetString()!);
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = _api.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private HttpClient WithToken(string access)
    {
        var client = _api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return client;
    }

    private async Task<HttpStatusCode> RefreshAsync(string refresh) =>
        (await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { grantType = "refresh_token", refreshToken = refresh })).StatusCode;

    [Test]
    public async Task Should_refuse_a_cookie_copied_before_sign_out_while_the_accounts_other_sessions_go_on()
    {
        var cookie = await CookieAsync("hy.clerk");
        var copy = WithCookie(cookie);
        var other = await TokenAsync("hy.clerk");
        (await copy.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await WithCookie(cookie).PostAsync("/api/v1/auth/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await copy.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await WithToken(other.Access).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "signing out of one browser leaves the other sessions");
    }

    [Test]
    public async Task Should_refuse_the_access_and_refresh_tokens_of_a_session_signed_out()
    {
        var (access, refresh) = await TokenAsync("hy.leader");
        (await WithToken(access).PostAsync("/api/v1/auth/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await WithToken(access).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(refresh)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Should_end_every_session_when_the_password_changes_and_keep_the_browser_that_changed_it_signed_in()
    {
        var elsewhere = await CookieAsync("ys.specialist1");
        var (access, refresh) = await TokenAsync("ys.specialist1");
        var changer = await CookieAsync("ys.specialist1");

        var changed = await WithCookie(changer).PostAsJsonAsync("/api/v1/me/password", new { currentPassword = DemoAccounts.Password, newPassword = NewPassword });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await WithCookie(elsewhere).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await WithToken(access).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(refresh)).ShouldBe(HttpStatusCode.Unauthorized);
        (await WithCookie(changer).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the cookie sent with the change is an old session too");
        var renewed = changed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iso.auth=", StringComparison.Ordinal)).Split(';')[0];
        (await WithCookie(renewed).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the browser that changed it got a new session");
        (await WithToken((await TokenAsync("ys.specialist1", NewPassword)).Access).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_end_every_session_of_an_official_who_is_deactivated()
    {
        var (access, refresh) = await TokenAsync("stp.specialist2");
        var cookie = await CookieAsync("stp.specialist2");
        var admin = await _api.As("admin");
        var official = await _api.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Officials.Where(o => o.UserName == "stp.specialist2").Select(o => o.Id)));

        (await admin.PostAsync($"/api/v1/admin/officials/{official}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await WithToken(access).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await WithCookie(cookie).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(refresh)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Should_give_access_tokens_a_short_life_and_keep_the_session_through_refreshes()
    {
        var token = await (await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", userName = "hy.specialist1", password = DemoAccounts.Password }))
            .Expect(HttpStatusCode.OK);
        token.GetProperty("expires_in").GetInt32().ShouldBeLessThanOrEqualTo(15 * 60);
        var refreshed = await (await _api.Anonymous().PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "refresh_token", refreshToken = token.GetProperty("refresh_token").GetString() })).Expect(HttpStatusCode.OK);
        var access = refreshed.GetProperty("access_token").GetString()!;
        (await WithToken(access).PostAsync("/api/v1/auth/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await RefreshAsync(token.GetProperty("refresh_token").GetString()!)).ShouldBe(HttpStatusCode.Unauthorized, "the first refresh token belongs to the same session");
    }
}

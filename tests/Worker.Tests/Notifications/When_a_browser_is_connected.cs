using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Engine.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procedures.Hosting;
using Worker.Notifications;

namespace Worker.Tests.Notifications;

/// <summary>
/// What the API maps (<c>MapNotifications</c>) on a real Kestrel server with a SignalR client, as the web UI connects.
/// The signed-in user is faked by a middleware that takes the name from the query string.
/// </summary>
public sealed class When_a_browser_is_connected
{
    private WebApplication _app = null!;
    private string _url = "";

    [OneTimeSetUp]
    public async Task StartApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddWorkflowEngine(await WorkerDatabase.ConnectionStringAsync()).AddProcedures().AddNotifications(new ConfigurationBuilder().Build());
        _app = builder.Build();
        _app.Use((http, next) =>
        {
            if (http.Request.Query["user"].ToString() is { Length: > 0 } user)
                http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test"));
            return next(http);
        });
        _app.MapNotifications();
        await _app.StartAsync();
        _url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    [OneTimeTearDown]
    public async Task StopApi() => await _app.DisposeAsync();

    private async Task<HubConnection> ConnectAsync(string user, TaskCompletionSource<NotificationCreated> received)
    {
        var connection = new HubConnectionBuilder().WithUrl($"{_url}{NotificationsHub.Path}?user={user}").Build();
        connection.On<NotificationCreated>(NotificationsHub.ClientMethod, n => received.TrySetResult(n));
        await connection.StartAsync();
        return connection;
    }

    private static NotificationCreated For(string recipient) =>
        new(Guid.CreateVersion7(), recipient, "sla.overdue", "Quá hạn: Thẩm định hồ sơ", "Công việc đã quá hạn.", "/work-items/1", null, DateTimeOffset.UtcNow);

    [Test]
    public async Task Should_push_a_notification_to_its_recipient_only()
    {
        var an = new TaskCompletionSource<NotificationCreated>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hoa = new TaskCompletionSource<NotificationCreated>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var anConnection = await ConnectAsync("cv.an", an);
        await using var hoaConnection = await ConnectAsync("cv.hoa", hoa);

        var pushed = For("cv.an");
        await _app.Services.GetRequiredService<INotificationPusher>().PushAsync(pushed, CancellationToken.None);
        var got = await an.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (got.NotificationId, got.Title).ShouldBe((pushed.NotificationId, "Quá hạn: Thẩm định hồ sơ"));

        await _app.Services.GetRequiredService<INotificationPusher>().PushAsync(For("cv.hoa"), CancellationToken.None);
        (await hoa.Task.WaitAsync(TimeSpan.FromSeconds(10))).Recipient.ShouldBe("cv.hoa");
        an.Task.Result.NotificationId.ShouldBe(pushed.NotificationId, "cv.an saw only their own");
    }

    [Test]
    public async Task Should_answer_the_unread_count_to_a_signed_in_person_only()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_url) };
        (await http.GetFromJsonAsync<int>("/api/v1/notifications/unread-count?user=nobody.here")).ShouldBe(0);
        (await http.GetAsync("/api/v1/notifications/unread-count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

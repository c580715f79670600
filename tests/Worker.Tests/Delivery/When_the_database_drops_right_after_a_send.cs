using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Worker.Channels;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Tests.Notifications;

namespace Worker.Tests.Delivery;

/// <summary>
/// The mail server accepted the message, then every database connection broke (a restart, a failover) before the delivery
/// was marked sent. Found by the fault run (docs/reliability.md): the send was recorded as a failure and the citizen got
/// the e-mail twice.
/// </summary>
public sealed class When_the_database_drops_right_after_a_send : NotificationsTest
{
    private readonly DroppingSender _sender = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Delivery:Lease"] = "00:00:20" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(_sender);

    // The ended sessions include idle ones in this process's shared pool, which the next fixtures would otherwise be handed.
    [TearDown]
    public void ForgetEndedSessions() => NpgsqlConnection.ClearAllPools();

    [Test]
    public async Task Should_record_the_send_once_the_database_answers_and_not_send_again()
    {
        _sender.ConnectionString = ConnectionString;
        await With<QueueCitizenNotice, bool>(async q => { await q.HandleAsync(When_a_citizen_is_emailed.Received(), CancellationToken.None); return true; });

        (await Services.GetRequiredService<DeliveryDispatcher>().DeliverDueAsync(CancellationToken.None)).ShouldBe(1);

        var delivery = (await With<NotificationsDbAccess, List<DeliveryRecord>>(a => a.DeliveriesAsync())).ShouldHaveSingleItem();
        (delivery.Status, delivery.Attempts, delivery.ProviderAnswer).ShouldBe((DeliveryStatus.Sent, 1, "250 2.0.0 queued"));
        (await Services.GetRequiredService<DeliveryDispatcher>().DeliverDueAsync(CancellationToken.None)).ShouldBe(0);
        _sender.Sent.ShouldBe(1);
    }

    /// <summary>Accepts the message, then ends every other session of the database, as a restart does to the pool.</summary>
    private sealed class DroppingSender : IEmailSender
    {
        public string ConnectionString { get; set; } = "";
        public int Sent;

        public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
        {
            Interlocked.Increment(ref Sent);
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
            await conn.OpenAsync(ct);
            await using var drop = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", conn);
            await drop.ExecuteScalarAsync(ct);
            return "250 2.0.0 queued";
        }
    }
}

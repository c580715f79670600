using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Hosting;

namespace Worker.Tests;

public sealed class When_the_host_starts_without_a_connection_string
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private IConfiguration Config => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [EmbeddedDataDirectory.ConfigKey] = Path.Combine(_folder.Path, "postgres"),
    }).Build();

    private Task<DatabaseConnection> BootstrapAsync() =>
        DatabaseBootstrap.ResolveAsync(Config, _folder.Path, NullLogger.Instance);

    private static async Task<string?> CurrentDatabaseAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", conn);
        return (string?)await command.ExecuteScalarAsync();
    }

    private string PidFile => Path.Combine(_folder.Path, "postgres", "postmaster.pid");

    [Test]
    public async Task Should_start_postgres_in_the_data_folder_with_the_iso_database()
    {
        await using var database = await BootstrapAsync();

        database.Mode.ShouldBe(DatabaseMode.Embedded);
        database.DataDirectory.ShouldBe(Path.Combine(_folder.Path, "postgres"));
        (await CurrentDatabaseAsync(database.ConnectionString)).ShouldBe("iso");
    }

    [Test]
    public async Task Should_stop_postgres_when_disposed_and_start_again_in_the_same_folder()
    {
        var first = await BootstrapAsync();
        await using (var conn = new NpgsqlConnection(first.ConnectionString + ";Pooling=false"))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)", conn);
            await create.ExecuteNonQueryAsync();
        }
        await first.DisposeAsync();
        File.Exists(PidFile).ShouldBeFalse();

        await using var second = await BootstrapAsync();
        await using var again = new NpgsqlConnection(second.ConnectionString + ";Pooling=false");
        await again.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT id FROM kept", again);
        (await read.ExecuteScalarAsync()).ShouldBe(42);
    }

    [Test]
    public async Task Should_reuse_a_cluster_still_running_in_the_folder()
    {
        await using var first = await BootstrapAsync();
        await using (var second = await BootstrapAsync())
        {
            second.ConnectionString.ShouldBe(first.ConnectionString);
            (await CurrentDatabaseAsync(second.ConnectionString)).ShouldBe("iso");
        }
        // The second did not start the cluster, so it leaves it running for the first.
        (await CurrentDatabaseAsync(first.ConnectionString)).ShouldBe("iso");
    }

    [Test]
    public async Task Should_run_the_whole_worker_host_on_it_and_stop_it_afterwards()
    {
        var factory = new WorkerFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = "",
            [EmbeddedDataDirectory.ConfigKey] = Path.Combine(_folder.Path, "postgres"),
        });
        using (var client = factory.CreateClient())
        {
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
            factory.Services.GetRequiredService<DatabaseConnection>().Mode.ShouldBe(DatabaseMode.Embedded);
            File.Exists(PidFile).ShouldBeTrue();
        }
        await factory.DisposeAsync();

        // The host's entry point stops the cluster once the app has shut down.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (File.Exists(PidFile) && DateTime.UtcNow < deadline) await Task.Delay(100);
        File.Exists(PidFile).ShouldBeFalse();
    }
}

using Engine.Hosting;
using Npgsql;
using Tests.Shared;

namespace Engine.Tests.Hosting;

/// <summary>
/// A process waiting for another's migrations must not give up on the command timeout: on a loaded machine (CI, four
/// processes starting at once) the ones ahead took longer than it, and the waiting host failed its start.
/// </summary>
public sealed class When_processes_start_migrations_at_once
{
    [Test]
    public async Task Should_wait_for_the_migration_lock_longer_than_the_command_timeout()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("migration_lock")) { CommandTimeout = 1 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var ran = false;
        var ahead = new TaskCompletionSource();
        var first = MigrationLock.RunAsync(dataSource, async () => { ahead.SetResult(); await Task.Delay(TimeSpan.FromSeconds(3)); });
        await ahead.Task;

        await MigrationLock.RunAsync(dataSource, () => { ran = true; return Task.CompletedTask; });
        await first;

        ran.ShouldBeTrue("the second process migrated after the first, 3 s later, though a command may take only 1 s");
    }
}

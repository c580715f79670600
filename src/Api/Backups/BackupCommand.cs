using Worker.Hosting;

namespace Api.Backups;

/// <summary>
/// <c>Api.dll backup &lt;folder&gt;</c> and <c>Api.dll restore &lt;folder&gt;</c> (also <c>./backup.sh</c>, <c>./restore.sh</c>):
/// the same settings as the API (appsettings, environment, <c>--Key=value</c> arguments after the folder) say where the
/// database, the files folder and the key file are. With the embedded cluster, a running one is used where it runs and a
/// stopped one is started for the command and stopped again. Exit code 0 when done, 1 when refused (the reason on stderr),
/// 2 for a wrong command line.
/// </summary>
public static class BackupCommand
{
    public static bool Handles(string[] args) => args is ["backup" or "restore", ..];

    public static async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"Usage: Api.dll {args[0]} <folder> [--Setting=value ...]   ({args[0]}.sh <folder> from the repository)");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[2..] });
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var logger = loggers.CreateLogger("Api.Backups");
        var (config, contentRoot, folder) = (builder.Configuration, builder.Environment.ContentRootPath, args[1]);
        try
        {
            if (args[0] == "backup")
            {
                await using var database = await DatabaseBootstrap.ResolveAsync(config, contentRoot, logger, ct);
                var places = BackupPlaces.From(config, contentRoot, database.DataDirectory);
                await Backup.WriteAsync(database.ConnectionString, database.Mode.ToString().ToLowerInvariant(), places, folder, TimeProvider.System, Console.Out, ct);
            }
            else
            {
                var embedded = string.IsNullOrWhiteSpace(config.GetConnectionString(DatabaseBootstrap.ConnectionStringName));
                var places = BackupPlaces.From(config, contentRoot, embedded ? EmbeddedDataDirectory.Resolve(config, contentRoot, logger) : null);
                Restore.Check(folder, places);
                Restore.PlaceEmbeddedSecrets(folder, places);
                await using var database = await DatabaseBootstrap.ResolveAsync(config, contentRoot, logger, ct);
                await Restore.WriteAsync(folder, database.ConnectionString, places, Console.Out, ct);
            }
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"{args[0]}: {e.Message}");
            return 1;
        }
    }
}

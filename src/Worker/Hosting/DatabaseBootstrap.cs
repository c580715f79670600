using Engine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Worker.Hosting;

/// <summary>
/// Resolves the database a host runs on: <c>ConnectionStrings:Default</c> when set (environment:
/// <c>ConnectionStrings__Default</c>); otherwise a private PostgreSQL cluster started from the machine's
/// server binaries in <see cref="EmbeddedDataDirectory"/>, with the database <see cref="DatabaseName"/> created, owned by
/// and connected to as the application role (not the superuser).
/// </summary>
public static class DatabaseBootstrap
{
    public const string ConnectionStringName = "Default";
    public const string DatabaseName = "iso";

    public static async Task<DatabaseConnection> ResolveAsync(IConfiguration config, string contentRoot, ILogger logger,
        CancellationToken ct = default)
    {
        var configured = config.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var target = new NpgsqlConnectionStringBuilder(configured);
            logger.LogInformation("Using the PostgreSQL server at {Host}:{Port}, database {Database} (ConnectionStrings:Default)",
                target.Host, target.Port, target.Database);
            return DatabaseConnection.External(configured, logger);
        }

        var dataDirectory = EmbeddedDataDirectory.Resolve(config, contentRoot, logger);
        logger.LogInformation("No ConnectionStrings:Default configured: starting embedded PostgreSQL in {DataDirectory}", dataDirectory);
        var server = await EmbeddedPostgres.StartAsync(dataDirectory, durable: true, logger, ct);
        try
        {
            return DatabaseConnection.Embedded(server, await server.EnsureApplicationDatabaseAsync(DatabaseName, ct), logger);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}

using Engine.Hosting;
using Microsoft.Extensions.Logging;

namespace Worker.Hosting;

/// <summary>
/// The database a host runs on. Owns the embedded cluster when there is one: disposing stops it
/// (only if this process started it; a cluster reused from an earlier process is left running).
/// </summary>
public sealed class DatabaseConnection : IAsyncDisposable
{
    private readonly ILogger _logger;
    private EmbeddedPostgres? _embedded;

    private DatabaseConnection(string connectionString, DatabaseMode mode, EmbeddedPostgres? embedded, ILogger logger)
    {
        ConnectionString = connectionString;
        Mode = mode;
        DataDirectory = embedded?.DataDirectory;
        _embedded = embedded;
        _logger = logger;
    }

    public string ConnectionString { get; }
    public DatabaseMode Mode { get; }

    /// <summary>The embedded cluster's data folder; null with an external server.</summary>
    public string? DataDirectory { get; }

    public static DatabaseConnection External(string connectionString, ILogger logger) =>
        new(connectionString, DatabaseMode.External, null, logger);

    public static DatabaseConnection Embedded(EmbeddedPostgres server, string connectionString, ILogger logger) =>
        new(connectionString, DatabaseMode.Embedded, server, logger);

    public async ValueTask DisposeAsync()
    {
        var embedded = Interlocked.Exchange(ref _embedded, null);
        if (embedded is null) return;
        _logger.LogInformation("Stopping embedded PostgreSQL ({DataDirectory})", embedded.DataDirectory);
        await embedded.DisposeAsync();
    }
}

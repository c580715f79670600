using System.Diagnostics;
using Api.Accounts;
using Npgsql;
using NpgsqlTypes;

namespace Api.Audit;

/// <summary>What an audited endpoint records, declared next to its mapping.</summary>
public sealed record AuditAction(string Name, string ResourceType);

/// <summary>
/// Writes the audit log synchronously, one insert per audited request, so an answered request is always
/// recorded (the insert costs well under a millisecond). Reads of personal data and every change are audited.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task WriteAsync(HttpContext http, string action, string? resourceType, string? resourceId, int status,
        string? userName = null, CancellationToken ct = default)
    {
        var user = CurrentUser.From(http.User);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO accounts.audit_log (at, account_id, user_name, account_kind, action, resource_type, resource_id, method, path,
                status_code, remote_address, user_agent, trace_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        p.Add(new NpgsqlParameter { Value = (object?)user?.AccountId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        p.Add(new NpgsqlParameter { Value = (object?)(user?.Name ?? userName) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = (object?)user?.Kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = action });
        p.Add(new NpgsqlParameter { Value = (object?)resourceType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = (object?)resourceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = http.Request.Method });
        p.Add(new NpgsqlParameter { Value = Truncate(http.Request.Path.Value ?? "", 500) });
        p.Add(new NpgsqlParameter { Value = status });
        p.Add(new NpgsqlParameter { Value = (object?)http.Connection.RemoteIpAddress ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Inet });
        p.Add(new NpgsqlParameter { Value = (object?)Truncate(http.Request.Headers.UserAgent.ToString(), 300) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = (object?)Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier });
        // Not the request's token: the record is written even when the caller went away after the answer.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string? Truncate(string value, int max) => value.Length == 0 ? null : value.Length <= max ? value : value[..max];
}

/// <summary>
/// Marks endpoints as audited; <see cref="AuditMiddleware"/> writes the row for every call, whatever stops it (authentication,
/// authorisation, validation, the rate limiter, the domain, an exception).
/// </summary>
public static class AuditExtensions
{
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action, string resourceType = "dossier") =>
        builder.WithMetadata(new AuditAction(action, resourceType));

    /// <summary>Names the resource of an audited request when it is not the route's <c>id</c> (e.g. a dossier just created).</summary>
    public static void AuditResource(this HttpContext http, object? id) => http.Items["audit:resource"] = id?.ToString();
}

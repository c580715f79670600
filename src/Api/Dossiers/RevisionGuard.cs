using System.Data.Common;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Api.Dossiers;

/// <summary>
/// <c>ETag</c>/<c>If-Match</c> on dossiers: the tag is the dossier's revision, which every use case increments.
/// A stale <c>If-Match</c> is refused with 412 before the use case runs; and since two requests can pass that check
/// together, the expected revision is checked again inside the use case's own transaction, just before it commits
/// (the row is locked then), so a stale request never commits.
/// </summary>
public sealed class RevisionGuard(NpgsqlDataSource dataSource)
{
    public Guid? DossierId { get; private set; }
    public int? Expected { get; private set; }

    public static string Tag(int revision) => $"\"{revision}\"";

    /// <summary>The revision the caller's <c>If-Match</c> names; null when absent or <c>*</c>; -1 when unreadable.</summary>
    public static int? Requested(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        if (EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag) && int.TryParse(tag.Tag.Value?.Trim('"'), out var revision))
            return revision;
        return -1;
    }

    public async Task<int?> CurrentAsync(Guid dossierId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT revision FROM procedures.dossiers WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = dossierId });
        return await command.ExecuteScalarAsync(ct) is int revision ? revision : null;
    }

    /// <summary>Null when the request may go on; a 412 problem when its <c>If-Match</c> is stale. Arms the commit-time check.</summary>
    public async Task<ProblemHttpResult?> CheckAsync(HttpContext http, Guid dossierId)
    {
        if (Requested(http) is not { } expected) return null;
        var current = await CurrentAsync(dossierId, http.RequestAborted);
        // An unknown dossier goes on to the use case, which answers 404 the same way for everyone.
        if (current is null) return null;
        if (current != expected)
        {
            // Only someone who may see the dossier learns that it exists and what its revision is.
            var user = Api.Accounts.CurrentUser.Of(http);
            var access = http.RequestServices.GetRequiredService<DossierAccess>();
            var sees = user.IsCitizen ? await access.CitizenOwnsAsync(user.CitizenId, dossierId, http.RequestAborted)
                : await access.OfficialSeesAsync(user.Name, dossierId, http.RequestAborted);
            return sees ? Stale(http, current.Value) : Problem.NotFound(http);
        }
        (DossierId, Expected) = (dossierId, expected);
        return null;
    }

    public static ProblemHttpResult Stale(HttpContext http, int current)
    {
        http.Response.Headers.ETag = Tag(current);
        return Problem.Make(http, StatusCodes.Status412PreconditionFailed, "stale-revision",
            Language.Pick(http, "Hồ sơ đã được người khác cập nhật sau khi bạn tải; vui lòng tải lại rồi thực hiện lại.",
                "The dossier changed since you loaded it; reload it and try again."), "If-Match");
    }

    internal void Disarm() => (DossierId, Expected) = (null, null);
}

/// <summary>Thrown at commit when the locked row's revision is not the one the caller's <c>If-Match</c> named.</summary>
public sealed class StaleRevisionException(int current) : Exception("The dossier's revision changed before the commit.")
{
    public int Current { get; } = current;
}

/// <summary>Checks the armed <see cref="RevisionGuard"/> in the committing transaction of the domain's context.</summary>
public sealed class RevisionCommitInterceptor(IHttpContextAccessor accessor) : DbTransactionInterceptor
{
    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken ct = default)
    {
        var guard = accessor.HttpContext?.RequestServices.GetService<RevisionGuard>();
        if (guard?.DossierId is not { } id || guard.Expected is not { } expected) return result;
        guard.Disarm();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT revision FROM procedures.dossiers WHERE id = @id";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("id", id);
        command.Parameters.Add(parameter);
        // The use case has saved its increment already: the row held expected + 1 if nobody came in between.
        if (await command.ExecuteScalarAsync(ct) is int now && now != expected + 1) throw new StaleRevisionException(now - 1);
        return result;
    }
}

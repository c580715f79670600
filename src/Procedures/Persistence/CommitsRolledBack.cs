using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Procedures.Persistence;

/// <summary>
/// Within <see cref="Begin"/> (this async flow only), a use case's commit on <see cref="ProceduresDb"/> rolls its transaction back
/// instead: the API's warm-up runs a step and a reception through the same use-case code as the endpoints, up to and including
/// the commit's batch, and nothing of it stays (no dossier, no history, no engine row, no outbox message). Outside the scope a
/// commit is a commit; the check is one read of an async-local.
/// </summary>
public sealed class CommitsRolledBack : DbTransactionInterceptor
{
    public static readonly CommitsRolledBack Instance = new();
    private static readonly AsyncLocal<bool> Active = new();

    private CommitsRolledBack() { }

    /// <summary>Whether commits in this flow are rolled back.</summary>
    public static bool IsActive => Active.Value;

    /// <summary>Rolls back every commit of this async flow until disposed.</summary>
    public static IDisposable Begin()
    {
        Active.Value = true;
        return new Scope();
    }

    /// <summary>Whether <paramref name="db"/> was configured with this interceptor: without it a warm-up's writes would stay.</summary>
    public static bool IsInstalledOn(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(Instance) == true;

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (!Active.Value) return result;
        transaction.Rollback();
        return InterceptionResult.Suppress();
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!Active.Value) return result;
        await transaction.RollbackAsync(cancellationToken);
        return InterceptionResult.Suppress();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Active.Value = false;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Procedures.Common;

namespace Procedures.Persistence;

/// <summary>
/// Every text saved by this module goes through <see cref="CleanText.ForStorage"/>, whichever way it came: the API
/// refuses unclean text at the edge with a problem naming the field, but the web UI's pages, the worker and the samples
/// call the use cases directly, and a NUL would otherwise fail the whole transaction in PostgreSQL.
/// </summary>
public sealed class CleanTextOnSave : SaveChangesInterceptor
{
    public static readonly CleanTextOnSave Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Clean(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Clean(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Clean(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries()) Clean(entry);
    }

    /// <summary>Cleans the texts of one entry about to be saved (added, or its modified properties); for writes that bypass SaveChanges.</summary>
    internal static void Clean(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified)) return;
        foreach (var property in entry.Properties)
            if (property.Metadata.ClrType == typeof(string) && property.CurrentValue is string text && (entry.State == EntityState.Added || property.IsModified))
                Clean(property, text);
    }

    private static void Clean(PropertyEntry property, string text)
    {
        var clean = CleanText.ForStorage(text, CleanText.IsSingleLine(property.Metadata.Name));
        if (!ReferenceEquals(clean, text) && clean != text) property.CurrentValue = clean;
    }
}

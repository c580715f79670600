using Engine.Persistence;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Engine.Definitions;

/// <summary>A stored version as callers see it.</summary>
public sealed record DefinitionVersionInfo(
    Guid RecordId, string DefinitionId, int Version, string Title, bool IsPublished, bool IsLatest,
    DateTimeOffset? RetiredAt, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy, string ContentHash);

/// <summary>
/// Drafts, validation, publishing and retiring of definitions. A published version is immutable; the
/// next version is always a draft of N+1; exactly one published version per id is the latest.
/// </summary>
public sealed class DefinitionStore
{
    private readonly EngineDb db;
    private readonly TimeProvider clock;
    private readonly StepHandlerRegistry handlers;
    private readonly DefinitionCache cache;
    private readonly DeclaredRoles? roles;

    /// <summary>Made by the engine's registration (<c>AddWorkflowEngine</c>): its database context is its own.</summary>
    internal DefinitionStore(EngineDb db, TimeProvider clock, StepHandlerRegistry handlers, DefinitionCache cache, DeclaredRoles? roles = null) =>
        (this.db, this.clock, this.handlers, this.cache, this.roles) = (db, clock, handlers, cache, roles);

    /// <summary>The registered handlers and the declared roles (when the host declares any).</summary>
    public DefinitionValidationContext ValidationContext => new(handlers.Names.ToHashSet(), roles?.Names);

    /// <summary>Saves YAML as the draft of the next version (replacing an existing draft). Problems are returned, not thrown.</summary>
    public async Task<EngineResult<DefinitionVersionInfo>> SaveDraftAsync(string yaml, string? actor, CancellationToken ct = default)
    {
        var parsed = DefinitionYaml.Parse(yaml);
        if (parsed.Definition is not { } definition)
            return new EngineError(EngineErrorCode.InvalidData, string.Join("\n", parsed.Problems), parsed.Problems.Count > 0 ? parsed.Problems[0].Path : null);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definition.Id).ToListAsync(ct);
        var draft = versions.FirstOrDefault(v => !v.IsPublished);
        var nextVersion = versions.Where(v => v.IsPublished).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
        definition.Version = nextVersion;
        if (draft is null)
        {
            draft = new DefinitionRecord { Id = Guid.CreateVersion7(), DefinitionId = definition.Id, Version = nextVersion, CreatedAt = clock.GetUtcNow(), CreatedBy = actor };
            db.Definitions.Add(draft);
        }
        draft.Title = definition.Title;
        draft.Body = DefinitionJson.Serialize(definition);
        draft.SourceYaml = yaml;
        draft.ContentHash = DefinitionJson.ContentHash(definition);
        await db.SaveChangesAsync(ct);
        return Info(draft);
    }

    /// <summary>Every problem of the current draft (or of any stored version), each with its path.</summary>
    public async Task<EngineResult<IReadOnlyList<DefinitionProblem>>> ValidateAsync(string definitionId, int? version = null, CancellationToken ct = default)
    {
        var record = await FindAsync(definitionId, version, ct);
        if (record is null) return NotFound(definitionId, version);
        return EngineResult<IReadOnlyList<DefinitionProblem>>.Ok(DefinitionValidator.Validate(DefinitionJson.Deserialize(record.Body), ValidationContext));
    }

    /// <summary>Publishes the draft: validates, makes it immutable and the latest. Fails with every problem listed.</summary>
    public async Task<EngineResult<DefinitionVersionInfo>> PublishAsync(string definitionId, string? actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draft = await db.Definitions.FromSqlInterpolated(
                $"SELECT * FROM engine.definitions WHERE definition_id = {definitionId} AND NOT is_published FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (draft is null) return new EngineError(EngineErrorCode.NotFound, $"Definition '{definitionId}' has no draft to publish.", "definitionId");
        var definition = DefinitionJson.Deserialize(draft.Body);
        var problems = DefinitionValidator.Validate(definition, ValidationContext);
        if (problems.Count > 0)
            return new EngineError(EngineErrorCode.InvalidData, string.Join("\n", problems), problems[0].Path);
        var now = clock.GetUtcNow();
        await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsLatest)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsLatest, false), ct);
        draft.IsPublished = true;
        draft.IsLatest = true;
        draft.PublishedAt = now;
        draft.PublishedBy = actor;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Put(draft.Id, definition);
        return Info(draft);
    }

    public async Task<EngineResult<bool>> DiscardDraftAsync(string definitionId, CancellationToken ct = default)
    {
        var deleted = await db.Definitions.Where(d => d.DefinitionId == definitionId && !d.IsPublished).ExecuteDeleteAsync(ct);
        return deleted == 0 ? new EngineError(EngineErrorCode.NotFound, $"Definition '{definitionId}' has no draft.", "definitionId") : true;
    }

    /// <summary>Stops new starts of every version; running instances go on. Publishing a new version lifts it.</summary>
    public async Task<EngineResult<bool>> RetireAsync(string definitionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var updated = await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsLatest)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RetiredAt, now), ct);
        return updated == 0 ? new EngineError(EngineErrorCode.NotFound, $"Definition '{definitionId}' has no published version.", "definitionId") : true;
    }

    /// <summary>Changes from the latest published version to the draft (or between two versions).</summary>
    public async Task<EngineResult<IReadOnlyList<DefinitionChange>>> DiffAsync(string definitionId, int? fromVersion = null, int? toVersion = null, CancellationToken ct = default)
    {
        var from = fromVersion is null ? await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, ct) : await FindAsync(definitionId, fromVersion, ct);
        var to = toVersion is null ? await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && !d.IsPublished, ct) : await FindAsync(definitionId, toVersion, ct);
        if (from is null || to is null) return new EngineError(EngineErrorCode.NotFound, $"Definition '{definitionId}' lacks one of the versions to compare.", "definitionId");
        return EngineResult<IReadOnlyList<DefinitionChange>>.Ok(DefinitionDiff.Compare(DefinitionJson.Deserialize(from.Body), DefinitionJson.Deserialize(to.Body)));
    }

    /// <summary>How many workflows have a published latest version.</summary>
    public Task<int> CountPublishedAsync(CancellationToken ct = default) => db.Definitions.CountAsync(d => d.IsPublished && d.IsLatest, ct);

    public async Task<IReadOnlyList<DefinitionVersionInfo>> VersionsAsync(string? definitionId = null, CancellationToken ct = default) =>
        (await db.Definitions.AsNoTracking().Where(d => definitionId == null || d.DefinitionId == definitionId)
            .OrderBy(d => d.DefinitionId).ThenBy(d => d.Version).ToListAsync(ct)).Select(Info).ToList();

    /// <summary>The stored body of a version (latest published when <paramref name="version"/> is null).</summary>
    public async Task<WorkflowDefinition?> GetAsync(string definitionId, int? version = null, CancellationToken ct = default)
    {
        var record = version is null
            ? await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, ct)
            : await FindAsync(definitionId, version, ct);
        return record is null ? null : DefinitionJson.Deserialize(record.Body);
    }

    private Task<DefinitionRecord?> FindAsync(string definitionId, int? version, CancellationToken ct) =>
        version is null
            ? db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct)
            : db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, ct);

    private static EngineError NotFound(string id, int? version) =>
        new(EngineErrorCode.NotFound, version is null ? $"No definition '{id}'." : $"No version {version} of definition '{id}'.", "definitionId");

    internal static DefinitionVersionInfo Info(DefinitionRecord r) => new(r.Id, r.DefinitionId, r.Version, r.Title, r.IsPublished, r.IsLatest,
        r.RetiredAt, r.CreatedAt, r.CreatedBy, r.PublishedAt, r.PublishedBy, r.ContentHash);
}

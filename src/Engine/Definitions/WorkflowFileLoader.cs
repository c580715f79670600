using Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Engine.Definitions;

/// <summary>What loading the <c>workflows/</c> folder did.</summary>
public sealed record WorkflowLoadReport(IReadOnlyList<string> Published, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Publishes the YAML files of a folder (one file per definition version) that the database does not have
/// yet, so a deployment is reproducible. A published version whose file changed is reported, never overwritten.
/// </summary>
public sealed class WorkflowFileLoader
{
    private readonly EngineDb db;
    private readonly DefinitionStore store;
    private readonly ILogger<WorkflowFileLoader> logger;

    /// <summary>Made by the engine's registration (<c>AddWorkflowEngine</c>): its database context is its own.</summary>
    internal WorkflowFileLoader(EngineDb db, DefinitionStore store, ILogger<WorkflowFileLoader> logger) =>
        (this.db, this.store, this.logger) = (db, store, logger);

    private const long AdvisoryLockKey = 0x1500_D1E7_0001;

    public async Task<WorkflowLoadReport> LoadAsync(string folder, CancellationToken ct = default)
    {
        var published = new List<string>();
        var unchanged = new List<string>();
        var problems = new List<string>();
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        var parsed = new List<(string File, WorkflowDefinition Definition, string Yaml)>();
        foreach (var file in files)
        {
            var yaml = await File.ReadAllTextAsync(file, ct);
            var result = DefinitionYaml.Parse(yaml);
            var name = Path.GetRelativePath(folder, file);
            if (result.Definition is null || result.Problems.Count > 0)
                problems.AddRange(result.Problems.Select(p => $"{name}: {p}"));
            else
                parsed.Add((name, result.Definition, yaml));
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Several processes may start at once; one loads, the others then find everything present.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
            foreach (var (file, definition, yaml) in parsed.OrderBy(p => p.Definition.Id, StringComparer.Ordinal).ThenBy(p => p.Definition.Version))
            {
                var stored = await db.Definitions.AsNoTracking()
                    .Where(d => d.DefinitionId == definition.Id && d.IsPublished)
                    .Select(d => new { d.Version, d.ContentHash }).ToListAsync(ct);
                var existing = stored.FirstOrDefault(s => s.Version == definition.Version);
                if (existing is not null)
                {
                    if (existing.ContentHash == DefinitionJson.ContentHash(definition)) unchanged.Add(file);
                    else problems.Add($"{file}: version {definition.Version} of '{definition.Id}' is already published with different content; publish the change as version {stored.Max(s => s.Version) + 1}.");
                    continue;
                }
                var next = stored.Count == 0 ? 1 : stored.Max(s => s.Version) + 1;
                if (definition.Version != next)
                {
                    problems.Add($"{file}: version {definition.Version} of '{definition.Id}' cannot be published; the next version is {next}.");
                    continue;
                }
                await store.DiscardDraftAsync(definition.Id, ct);
                var draft = await store.SaveDraftAsync(yaml, "system", ct);
                var publish = draft.Succeeded ? await store.PublishAsync(definition.Id, "system", ct) : default;
                if (draft.Succeeded && publish.Succeeded)
                {
                    published.Add(file);
                    logger.LogInformation("Published workflow {DefinitionId} v{Version} from {File}", definition.Id, definition.Version, file);
                }
                else
                {
                    problems.Add($"{file}: {(draft.Error ?? publish.Error)!.Message}");
                    await store.DiscardDraftAsync(definition.Id, ct);
                }
            }
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
        return new WorkflowLoadReport(published, unchanged, problems);
    }
}

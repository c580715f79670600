using Api.Admin;
using Engine.Definitions;
using Procedures.Common;

namespace Api.Ui.Admin;

/// <summary>A procedure's workflow as the definitions page lists it: its versions, oldest first.</summary>
public sealed record DefinitionFamily(string DefinitionId, string Title, IReadOnlyList<DefinitionVersionInfo> Versions)
{
    public DefinitionVersionInfo? Current => Versions.FirstOrDefault(v => v.IsLatest);
    public DefinitionVersionInfo? Draft => Versions.FirstOrDefault(v => !v.IsPublished);
    public bool IsRetired => Current?.RetiredAt is not null;
}

/// <summary>What an upload left: the draft it saved (none when the text could not be read) and every problem, each at its path.</summary>
public sealed record DraftUpload(DefinitionVersionInfo? Draft, IReadOnlyList<DefinitionProblem> Problems);

/// <summary>The definitions page's work, done by the engine's <see cref="DefinitionStore"/> as the definition endpoints do.</summary>
public static class DefinitionDesk
{
    public static async Task<IReadOnlyList<DefinitionFamily>> FamiliesAsync(DefinitionStore store, CancellationToken ct = default) =>
        (await store.VersionsAsync(null, ct)).GroupBy(v => v.DefinitionId)
            .Select(g => new DefinitionFamily(g.Key, g.OrderByDescending(v => v.Version).First().Title, g.OrderBy(v => v.Version).ToList()))
            .OrderBy(f => f.Title, StringComparer.Create(UiServices.Vietnamese, true)).ToList();

    /// <summary>
    /// Saves the YAML as the next draft and lists what stands in the way of publishing it: the reader's problems (their line and
    /// column) and then the validator's, each named by its path.
    /// </summary>
    public static async Task<DomainResult<DraftUpload>> UploadAsync(DefinitionStore store, string yaml, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(yaml))
            return DomainError.Invalid("yaml", "required", "Thiếu nội dung YAML của quy trình.", "The workflow's YAML is required.");
        if (yaml.Length > DefinitionAdminEndpoints.MaxYaml)
            return DomainError.Invalid("yaml", "too-large", "Tệp YAML quá lớn (tối đa 512 KB).", "The YAML file is too large (512 KB at most).");
        var parsed = DefinitionYaml.Parse(yaml);
        if (parsed.Definition is null) return new DraftUpload(null, parsed.Problems);
        var saved = AdminDesk.FromEngine(await store.SaveDraftAsync(yaml, actor, ct));
        if (saved.Error is { } error) return error;
        var validated = AdminDesk.FromEngine(await store.ValidateAsync(saved.Value!.DefinitionId, saved.Value.Version, ct));
        if (validated.Error is { } invalid) return invalid;
        return new DraftUpload(saved.Value, [.. parsed.Problems, .. validated.Value!.Where(p => !parsed.Problems.Any(q => q.Path == p.Path && q.Message == p.Message))]);
    }
}

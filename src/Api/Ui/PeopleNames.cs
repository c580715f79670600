using Procedures.Organisation;

namespace Api.Ui;

/// <summary>
/// People's full names for the sign-in names the engine and the records keep (<c>ys.clerk</c> → "Nguyễn Thị Thu"), looked up once
/// per page session; a name that is no official's (a system actor, a citizen's label) is shown as it is.
/// </summary>
public sealed class PeopleNames(UiSession session)
{
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);

    /// <summary>Looks up the names not seen yet, in one query.</summary>
    public async Task LoadAsync(IEnumerable<string?> userNames)
    {
        var missing = userNames.OfType<string>().Where(n => n.Length > 0 && !_known.ContainsKey(n)).Distinct().ToList();
        if (missing.Count == 0) return;
        var found = await session.RunAsync<OfficialDirectory, IReadOnlyDictionary<string, string>>(d => d.NamesAsync(missing));
        foreach (var name in missing) _known[name] = found.GetValueOrDefault(name, name);
    }

    /// <summary>The full name, or the text itself when it is not a known official's sign-in name; "—" for none.</summary>
    public string Of(string? userName) => userName switch
    {
        null or "" => "—",
        // What the product does by itself (workflows loaded from files at start-up, sweeps) is done by "the system".
        "system" => UiServices.IsEnglish ? "System" : "Hệ thống",
        _ => _known.GetValueOrDefault(userName, userName),
    };
}

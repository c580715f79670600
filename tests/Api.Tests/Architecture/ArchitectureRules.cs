using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Api.Tests.Architecture;

/// <summary>
/// The module boundaries of docs/architecture.md as predicates: each returns what breaks its rule (empty when nothing does),
/// so a test runs it on our assemblies and sources and another on a known-bad input, which shows the rule can fail.
/// </summary>
internal static partial class ArchitectureRules
{
    /// <summary>The assemblies of our projects.</summary>
    public static readonly string[] OurAssemblies = ["Api", "Procedures", "Worker", "Engine"];

    /// <summary>The assemblies of ours that <paramref name="assembly"/> references.</summary>
    public static IReadOnlyList<string> OurReferencesOf(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(OurAssemblies.Contains).Order(StringComparer.Ordinal).ToList();

    /// <summary>The types of <paramref name="types"/> that use <paramref name="dependency"/> (a namespace or a type's full name).</summary>
    public static IReadOnlyList<string> TypesUsing(Conditions types, params string[] dependency)
    {
        var result = types.HaveDependencyOnAny(dependency).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? []];
    }

    /// <summary>The engine's database context: only the engine uses it.</summary>
    public const string EngineDb = "Engine.Persistence.EngineDb";

    /// <summary>
    /// A name of the engine's schema in SQL text: <c>engine.</c> and a lower-case name (<c>engine.work_items</c>), not a C#
    /// member (<c>engine.CompleteAsync</c>), a message type (<c>engine.deadline-passed</c>) or a metric (<c>engine.outbox.depth</c>).
    /// </summary>
    [GeneratedRegex(@"(?<![\w.])engine\.[a-z_]+(?![-.\w])")]
    private static partial Regex EngineSql();

    /// <summary>Source files outside src/Engine that may still name the engine's tables, each with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> EngineSqlAllowed = new Dictionary<string, string>();

    /// <summary>The lines of <paramref name="source"/> that name the engine's tables in SQL.</summary>
    public static IReadOnlyList<string> EngineSqlIn(string source) =>
        source.Split('\n').Where(line => EngineSql().IsMatch(line)).Select(line => line.Trim()).ToList();

    /// <summary>Every .cs file under src/ but src/Engine and the allowed ones, with the lines that name the engine's tables.</summary>
    public static IReadOnlyList<string> EngineSqlOutsideTheEngine(string repository) =>
        Directory.EnumerateFiles(Path.Combine(repository, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repository, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("src/Engine/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)
                && !f.Contains("/bin/", StringComparison.Ordinal) && !EngineSqlAllowed.Keys.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .SelectMany(f => EngineSqlIn(File.ReadAllText(Path.Combine(repository, f))).Select(line => $"{f}: {line}"))
            .ToList();

    /// <summary>
    /// The EF entity types among <paramref name="responses"/> and everything they carry (generic arguments, arrays, public
    /// properties of our own types): an endpoint answers with records mapped from entities, never the entities.
    /// </summary>
    public static IReadOnlyList<string> EntitiesIn(IEnumerable<Type> responses, IReadOnlySet<Type> entities)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var queue = new Queue<(Type Type, string Path)>(responses.Select(t => (t, t.Name)));
        while (queue.TryDequeue(out var next))
        {
            var (type, path) = next;
            if (!seen.Add(type)) continue;
            if (entities.Contains(type)) { found.Add($"{path}: {type.FullName}"); continue; }
            if (type.IsArray) queue.Enqueue((type.GetElementType()!, path + "[]"));
            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : []) queue.Enqueue((argument, $"{path}<{argument.Name}>"));
            if (type.Assembly.GetName().Name is { } assembly && (OurAssemblies.Contains(assembly) || type.Assembly == typeof(ArchitectureRules).Assembly))
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    queue.Enqueue((property.PropertyType, $"{path}.{property.Name}"));
        }
        return [.. found];
    }

    /// <summary>The folder holding Engine.sln, above the test's output folder.</summary>
    public static string Repository()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln"))) return dir.FullName;
        throw new InvalidOperationException("Engine.sln is not above the test's folder.");
    }
}

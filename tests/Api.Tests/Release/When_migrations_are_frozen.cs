using System.Security.Cryptography;

namespace Api.Tests.Release;

/// <summary>
/// From 0.1.0 on, a data folder made by any release is upgraded by every later one: a migration that has been released
/// is never edited, so <c>tests/Migrations.lock</c> records the SHA-256 of each migration file and these tests compare.
/// </summary>
public sealed class When_migrations_are_frozen
{
    private const string LockFile = "tests/Migrations.lock", AddCommand = "scripts/lock-migrations.sh";

    [Test]
    public void Should_find_every_listed_migration_file_unchanged()
    {
        var problems = Lock()
            .Select(entry => File.Exists(Repository.PathOf(entry.Key))
                ? Hash(Repository.PathOf(entry.Key)) == entry.Value ? null
                    : $"{entry.Key} changed: a released migration is never edited; undo the change and add a new migration instead"
                : $"{entry.Key} is gone: a released migration is never removed; restore it")
            .OfType<string>().ToList();
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void Should_list_every_migration_file_in_the_lock()
    {
        var listed = Lock();
        var missing = MigrationFiles().Where(f => !listed.ContainsKey(f)).ToList();
        missing.ShouldBeEmpty($"Not in {LockFile}: {string.Join(", ", missing)}. Add them with the command {AddCommand} and commit the lock file.");
    }

    [Test]
    public void Should_look_at_the_migrations_of_every_module()
    {
        var folders = MigrationFiles().Select(Path.GetDirectoryName).Distinct().ToList();
        folders.ShouldBe(["src/Api/Persistence/Migrations", "src/Engine/Persistence/Migrations", "src/Procedures/Persistence/Migrations",
            "src/Worker/Notifications/Migrations"], ignoreOrder: true);
    }

    [Test]
    public void Should_hash_a_file_the_same_with_either_line_end()
    {
        var folder = Directory.CreateTempSubdirectory("iso-lock-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "lf.cs"), "namespace A;\nclass B { }\n");
            File.WriteAllText(Path.Combine(folder, "crlf.cs"), "namespace A;\r\nclass B { }\r\n");
            Hash(Path.Combine(folder, "crlf.cs")).ShouldBe(Hash(Path.Combine(folder, "lf.cs")));
            // What `printf 'namespace A;\nclass B { }\n' | sha256sum` prints, as the lock script computes it.
            Hash(Path.Combine(folder, "lf.cs")).ShouldBe(Convert.ToHexStringLower(SHA256.HashData("namespace A;\nclass B { }\n"u8)));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>Every .cs file, but the model snapshot, in each folder that holds a <c>[Migration("…")]</c> class.</summary>
    private static List<string> MigrationFiles() =>
        Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && File.ReadAllText(f).Contains("[Migration(\"", StringComparison.Ordinal))
            .Select(Path.GetDirectoryName).Distinct()
            .SelectMany(folder => Directory.EnumerateFiles(folder!, "*.cs"))
            .Where(f => !f.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> Lock() =>
        File.ReadAllLines(Repository.PathOf(LockFile))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1].Trim(), p => p[0].Trim());

    /// <summary>SHA-256 of the file with each CRLF read as LF, so checkouts with either line end agree.</summary>
    private static string Hash(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var normalised = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
            if (!(bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')) normalised.Add(bytes[i]);
        return Convert.ToHexStringLower(SHA256.HashData(normalised.ToArray()));
    }
}

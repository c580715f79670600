using System.Security.Cryptography;
using System.Text.Json;

namespace Api.Backups;

/// <summary>
/// The layout of one backup: <c>backup.json</c> (what and when), <c>database.dump</c> (<c>pg_dump --format=custom</c>),
/// <c>files/</c> (the attachment files, same tree as <c>Files:Folder</c>) with <c>files.sha256</c> (one
/// <c>sha256sum</c> line per file: <c>cd files &amp;&amp; sha256sum -c ../files.sha256</c> checks them),
/// <c>data-protection.key</c> and <c>postgres.secrets</c> when the installation has them.
/// </summary>
public sealed class BackupFolder(string path)
{
    public const string DescriptionFile = "backup.json", DumpFile = "database.dump", FilesFolder = "files",
        FilesManifest = "files.sha256", KeyFile = "data-protection.key", SecretsFile = "postgres.secrets";

    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public string this[string name] => System.IO.Path.Combine(Path, name);

    public BackupDescription ReadDescription() =>
        File.Exists(this[DescriptionFile])
            ? JsonSerializer.Deserialize<BackupDescription>(File.ReadAllText(this[DescriptionFile]), Json)!
            : throw new BackupException($"{Path} is not a backup: it has no {DescriptionFile}.");

    public void WriteDescription(BackupDescription description) =>
        File.WriteAllText(this[DescriptionFile], JsonSerializer.Serialize(description, Json));

    /// <summary>SHA-256 of a file, lower-case hex, as <c>sha256sum</c> prints it.</summary>
    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Copies a file readable by its owner only (keys and passwords).</summary>
    public static void CopyPrivate(string from, string to)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var source = File.OpenRead(from);
        using var target = new FileStream(to, options);
        source.CopyTo(target);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>What <c>backup.json</c> says: the release that wrote it, when, from which kind of database, and what it holds.</summary>
public sealed record BackupDescription(string Version, DateTimeOffset TakenAt, string DatabaseMode, int Files, long FileBytes,
    bool KeyFile, bool EmbeddedSecrets);

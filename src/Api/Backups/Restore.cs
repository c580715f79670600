using Npgsql;

namespace Api.Backups;

/// <summary>
/// Puts a backup back into an empty database and an empty (or new) files folder. Everything is checked before anything is
/// written: every file against its SHA-256, the files folder and the key file free, the database without a table.
/// </summary>
public static class Restore
{
    /// <summary>Checks the backup's files against their SHA-256 and that the places it goes to are free; returns its description.</summary>
    public static BackupDescription Check(string folder, BackupPlaces places)
    {
        var backup = new BackupFolder(folder);
        var description = backup.ReadDescription();
        var bad = Manifest(backup)
            .Where(e => !File.Exists(Path.Combine(backup[BackupFolder.FilesFolder], e.Path))
                        || BackupFolder.Sha256(Path.Combine(backup[BackupFolder.FilesFolder], e.Path)) != e.Sha256)
            .Select(e => e.Path).ToList();
        if (bad.Count > 0) throw new BackupException($"The backup is damaged: {bad.Count} files are missing or differ from {BackupFolder.FilesManifest}, e.g. {bad[0]}.");
        if (!File.Exists(backup[BackupFolder.DumpFile])) throw new BackupException($"The backup has no {BackupFolder.DumpFile}.");
        if (Directory.Exists(places.FilesFolder) && Directory.EnumerateFileSystemEntries(places.FilesFolder).Any())
            throw new BackupException($"The files folder {places.FilesFolder} is not empty: restore into an empty one (Files:Folder).");
        if (description.KeyFile && places.KeyFile is { } key && File.Exists(key)
            && File.ReadAllText(key).Trim() != File.ReadAllText(backup[BackupFolder.KeyFile]).Trim())
            throw new BackupException($"{key} holds another key-ring key: move it away, or point DataProtection:KeyFile elsewhere.");
        return description;
    }

    /// <summary>
    /// Writes the embedded cluster's passwords beside its data folder before the cluster is created, so the restored
    /// installation keeps them; an existing file is kept (the cluster in that folder already uses it).
    /// </summary>
    public static void PlaceEmbeddedSecrets(string folder, BackupPlaces places)
    {
        var backup = new BackupFolder(folder);
        if (places.SecretsFile is not { } secrets || File.Exists(secrets) || !File.Exists(backup[BackupFolder.SecretsFile])) return;
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        BackupFolder.CopyPrivate(backup[BackupFolder.SecretsFile], secrets);
    }

    public static async Task WriteAsync(string folder, string connectionString, BackupPlaces places, TextWriter log, CancellationToken ct)
    {
        var backup = new BackupFolder(folder);
        var description = Check(folder, places);
        await EnsureEmptyAsync(connectionString, ct);
        await PostgresClient.RestoreAsync(connectionString, backup[BackupFolder.DumpFile], ct);
        log.WriteLine($"restore: database restored from {backup[BackupFolder.DumpFile]} (taken {description.TakenAt:u} by {description.Version})");

        var manifest = Manifest(backup);
        foreach (var entry in manifest)
        {
            var target = Path.Combine(places.FilesFolder, entry.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(backup[BackupFolder.FilesFolder], entry.Path), target);
        }
        Directory.CreateDirectory(places.FilesFolder);
        log.WriteLine($"restore: {manifest.Count} files copied to {places.FilesFolder}");

        if (description.KeyFile && places.KeyFile is { } key && !File.Exists(key))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(key)!);
            BackupFolder.CopyPrivate(backup[BackupFolder.KeyFile], key);
            log.WriteLine($"restore: key-ring key written to {key}");
        }
        else if (!description.KeyFile)
            log.WriteLine("restore: the backup has no key-ring key file: set the key the backed-up installation had (DataProtection__Key)");
    }

    private static List<(string Sha256, string Path)> Manifest(BackupFolder backup) =>
        File.ReadAllLines(backup[BackupFolder.FilesManifest]).Where(l => l.Length > 0)
            .Select(l => l.Split("  ", 2)).Select(p => (p[0], p[1].Replace('/', Path.DirectorySeparatorChar))).ToList();

    private static async Task EnsureEmptyAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var count = new NpgsqlCommand("""
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
            """, conn);
        if ((long)(await count.ExecuteScalarAsync(ct))! > 0)
            throw new BackupException($"The database {conn.Database} on {conn.Host}:{conn.Port} is not empty: restore into a new, empty database " +
                                      "(embedded: a new data folder, Embedded:DataDirectory).");
    }
}

using Worker.Hosting;

namespace Api.Backups;

/// <summary>
/// Writes one consistent backup into an empty or new folder: first the database (<c>pg_dump</c> reads one snapshot), then
/// the attachment files. Files are only ever added under a new id, so every file the dump refers to already exists when
/// the copy starts; files uploaded meanwhile are copied too and are harmless extras.
/// </summary>
public static class Backup
{
    public static async Task<BackupDescription> WriteAsync(string connectionString, string databaseMode, BackupPlaces places, string folder,
        TimeProvider clock, TextWriter log, CancellationToken ct)
    {
        var backup = new BackupFolder(folder);
        if (Directory.Exists(backup.Path) && Directory.EnumerateFileSystemEntries(backup.Path).Any())
            throw new BackupException($"{backup.Path} is not empty: back up into a new folder.");
        CreatePrivateFolder(backup.Path);
        var takenAt = clock.GetUtcNow();

        await PostgresClient.DumpAsync(connectionString, backup[BackupFolder.DumpFile], ct);
        log.WriteLine($"backup: database dumped to {backup[BackupFolder.DumpFile]}");

        var (files, bytes) = await CopyFilesAsync(places.FilesFolder, backup, ct);
        log.WriteLine($"backup: {files} files ({bytes} bytes) copied from {places.FilesFolder}");

        var key = places.KeyFile is { } keyFile && File.Exists(keyFile);
        if (key) BackupFolder.CopyPrivate(places.KeyFile!, backup[BackupFolder.KeyFile]);
        else log.WriteLine("backup: no key-ring key file (DataProtection:Key is set, or no API has started yet): keep that key yourself");
        var secrets = places.SecretsFile is { } secretsFile && File.Exists(secretsFile);
        if (secrets) BackupFolder.CopyPrivate(places.SecretsFile!, backup[BackupFolder.SecretsFile]);

        var description = new BackupDescription(ProductVersion.Current, takenAt, databaseMode, files, bytes, key, secrets);
        backup.WriteDescription(description);
        log.WriteLine($"backup: written to {backup.Path}");
        return description;
    }

    private static async Task<(int Files, long Bytes)> CopyFilesAsync(string source, BackupFolder backup, CancellationToken ct)
    {
        var target = backup[BackupFolder.FilesFolder];
        Directory.CreateDirectory(target);
        var manifest = new List<string>();
        long bytes = 0;
        if (Directory.Exists(source))
            // A ".part" file is an upload still being written: no row refers to it yet.
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".part", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/');
                var copy = Path.Combine(target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                try { File.Copy(file, copy); }
                catch (FileNotFoundException) { continue; } // purged as an unattached upload after the dump
                manifest.Add($"{BackupFolder.Sha256(copy)}  {relative}");
                bytes += new FileInfo(copy).Length;
            }
        await File.WriteAllLinesAsync(backup[BackupFolder.FilesManifest], manifest, ct);
        return (manifest.Count, bytes);
    }

    private static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

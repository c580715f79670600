using Api.Accounts;
using Api.Attachments;
using Engine.Hosting;

namespace Api.Backups;

/// <summary>
/// Where the installation keeps what a backup holds besides the database, from the same settings the API reads:
/// the attachment files (<c>Files:Folder</c>), the key-ring key file (<c>DataProtection:KeyFile</c>; none when
/// <c>DataProtection:Key</c> is set) and, with the embedded cluster, its <c>postgres.secrets</c>.
/// </summary>
public sealed record BackupPlaces(string FilesFolder, string? KeyFile, string? SecretsFile)
{
    public static BackupPlaces From(IConfiguration config, string contentRoot, string? embeddedDataDirectory) => new(
        (config.GetSection(FileSettings.Section).Get<FileSettings>() ?? new FileSettings()).FolderUnder(contentRoot),
        KeyRingSecret.FilePath(config, contentRoot),
        embeddedDataDirectory is null ? null : EmbeddedSecrets.PathFor(embeddedDataDirectory));
}

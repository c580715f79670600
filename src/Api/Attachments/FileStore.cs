namespace Api.Attachments;

/// <summary>Where attachment bytes live, outside the database rows; keyed by the attachment id only.</summary>
public interface IFileStore
{
    Task SaveAsync(Guid id, Stream content, CancellationToken ct);
    Task<Stream?> OpenAsync(Guid id, CancellationToken ct);
    Task DeleteAsync(Guid id, CancellationToken ct);
}

/// <summary>
/// A local folder (<c>Files:Folder</c>, default <c>.data/files</c> under the content root); shared storage (NFS,
/// an object store behind the same interface) when several API processes run. The path is built from the id
/// alone, so no uploaded name can reach the file system.
/// </summary>
public sealed class LocalFileStore(string folder) : IFileStore
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task SaveAsync(Guid id, Stream content, CancellationToken ct)
    {
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            await content.CopyToAsync(file, ct);
        File.Move(temporary, path);
    }

    public Task<Stream?> OpenAsync(Guid id, CancellationToken ct)
    {
        var path = PathOf(id);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null);
    }

    public Task DeleteAsync(Guid id, CancellationToken ct)
    {
        File.Delete(PathOf(id));
        File.Delete(PathOf(id) + ".part");
        return Task.CompletedTask;
    }

    private string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(Folder, name[..2], name[2..4], name);
    }
}

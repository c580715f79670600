using System.Security.Cryptography;

namespace Engine.Hosting;

/// <summary>
/// The embedded cluster's two passwords (the superuser's, used only to initialise, and the application role's), kept in a
/// file next to the data folder that only the account running the application may read or write (0600). Created once, with
/// fresh random passwords; never logged.
/// </summary>
public sealed record EmbeddedSecrets(string SuperuserPassword, string ApplicationPassword)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The file beside <paramref name="dataDirectory"/>: <c>postgres.secrets</c> for a folder <c>postgres</c>.</summary>
    public static string PathFor(string dataDirectory) => dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".secrets";

    /// <summary>Reads the file, or creates it when there is none; null when it exists but cannot be read as secrets.</summary>
    public static EmbeddedSecrets LoadOrCreate(string path)
    {
        if (Read(path) is { } existing) return existing;
        var created = new EmbeddedSecrets(NewPassword(), NewPassword());
        try
        {
            // CreateNew: when two processes start on a fresh folder, one writes and the other reads what it wrote.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write($"superuser={created.SuperuserPassword}\napplication={created.ApplicationPassword}\n");
            return created;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Read(path) ?? throw new InvalidOperationException($"The embedded PostgreSQL secrets file {path} cannot be read.");
        }
    }

    /// <summary>The secrets in <paramref name="path"/>; null when there is no such file.</summary>
    public static EmbeddedSecrets? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var values = File.ReadAllLines(path).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        return values.TryGetValue("superuser", out var superuser) && values.TryGetValue("application", out var application)
               && superuser.Length > 0 && application.Length > 0
            ? new EmbeddedSecrets(superuser, application)
            : throw new InvalidOperationException($"The embedded PostgreSQL secrets file {path} is incomplete: it needs the lines superuser=… and application=….");
    }

    /// <summary>32 random bytes as URL-safe Base64: no character a connection string or pg_hba.conf would treat specially.</summary>
    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

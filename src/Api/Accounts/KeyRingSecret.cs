using System.Security.Cryptography;

namespace Api.Accounts;

/// <summary>
/// The 256-bit key that encrypts the data-protection key ring at rest (the keys that protect sign-in cookies and tokens):
/// <c>DataProtection:Key</c> (Base64, 32 bytes; environment <c>DataProtection__Key</c>) when set, else the file named by
/// <c>DataProtection:KeyFile</c> (default <c>.data/data-protection.key</c> under the content root), created at the first
/// start with a random key and readable only by the account running the API (0600). Processes behind one load balancer
/// must share it (the same setting, or the same file on a shared volume).
/// </summary>
public sealed class KeyRingSecret
{
    public const string KeySetting = "DataProtection:Key", FileSetting = "DataProtection:KeyFile";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private KeyRingSecret(byte[] key, string source) => (Key, Source) = (key, source);

    public byte[] Key { get; }

    /// <summary>Where the key came from, for the start log: the setting's name or the file's path, never the key.</summary>
    public string Source { get; }

    /// <summary>A short fingerprint of the key, written beside each encrypted key so a changed key is named as such.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Key))[..16];

    public static KeyRingSecret From(IConfiguration config, string contentRoot)
    {
        if (config[KeySetting] is { Length: > 0 } configured)
            return new KeyRingSecret(Decode(configured, KeySetting), KeySetting);
        var path = FilePath(config, contentRoot)!;
        return new KeyRingSecret(ReadOrCreate(path), path);
    }

    /// <summary>The key's file; null when the key is given by <see cref="KeySetting"/> itself (then no file is read).</summary>
    public static string? FilePath(IConfiguration config, string contentRoot) =>
        config[KeySetting] is { Length: > 0 } ? null
            : Path.GetFullPath(config[FileSetting] is { Length: > 0 } file ? file : Path.Combine(contentRoot, ".data", "data-protection.key"), contentRoot);

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path)) return Decode(File.ReadAllText(path).Trim(), path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
            using var writer = new StreamWriter(new FileStream(path, options));
            writer.Write(Convert.ToBase64String(key));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Decode(File.ReadAllText(path).Trim(), path);
        }
    }

    private static byte[] Decode(string text, string source)
    {
        try
        {
            var key = Convert.FromBase64String(text);
            if (key.Length == 32) return key;
        }
        catch (FormatException) { }
        throw new InvalidOperationException($"The key-ring key in {source} must be 32 bytes written in Base64 (e.g. `openssl rand -base64 32`).");
    }
}

using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Api.Accounts;

/// <summary>
/// Encrypts each key of the data-protection key ring with <see cref="KeyRingSecret"/> (AES-256-GCM, a fresh nonce per key)
/// before it is stored in the database, so reading the table does not give the keys that protect cookies and tokens.
/// </summary>
public sealed class KeyRingEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(secret.Key, tag.Length)) aes.Encrypt(nonce, plaintext, ciphertext, tag);
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement("aesGcm", new XAttribute("key", secret.Fingerprint),
            new XElement("value", Convert.ToBase64String([.. nonce, .. ciphertext, .. tag])));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Reads what <see cref="KeyRingEncryptor"/> wrote; created by the data-protection system with the host's services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetRequiredService<KeyRingSecret>();
        if ((string?)encryptedElement.Attribute("key") is { } fingerprint && fingerprint != secret.Fingerprint)
            throw new CryptographicException($"This key of the key ring was encrypted with another key-ring key (fingerprint {fingerprint}); " +
                $"this process has {secret.Fingerprint} from {secret.Source}. Every API process must use the same DataProtection:Key or key file.");
        var data = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? throw new CryptographicException("The encrypted key has no value."));
        int nonceSize = AesGcm.NonceByteSizes.MaxSize, tagSize = AesGcm.TagByteSizes.MaxSize;
        var plaintext = new byte[data.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(secret.Key, tagSize))
            aes.Decrypt(data.AsSpan(0, nonceSize), data.AsSpan(nonceSize, plaintext.Length), data.AsSpan(data.Length - tagSize), plaintext);
        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

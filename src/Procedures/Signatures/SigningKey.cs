using System.Security.Cryptography.X509Certificates;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// An official's signing certificate and the one operation a signing device or service performs: signing a SHA-256
/// hash (PKCS#1 v1.5 for an RSA key; ECDSA as r‖s or DER for an EC key). Local PKCS#12 keys and remote signing services differ
/// only in where that happens.
/// </summary>
/// <param name="Chain">Intermediate and root certificates to embed, so a reader can build the path offline.</param>
/// <param name="SignHashAsync">Signs the hash of the CMS signed attributes; a refusal or timeout is a result.</param>
public sealed record SigningKey(
    X509Certificate2 Certificate,
    IReadOnlyList<X509Certificate2> Chain,
    Func<byte[], CancellationToken, Task<DomainResult<byte[]>>> SignHashAsync);

/// <summary>Where the signing step gets an official's key: a stored PKCS#12 file or a remote signing service.</summary>
public interface IDocumentSigner
{
    Task<DomainResult<SigningKey>> KeyForAsync(string userName, CancellationToken ct);
}

/// <summary>The problems of signing, in one place so the step and the admin pages say the same.</summary>
public static class SigningProblems
{
    public static DomainError NoCertificate(string userName) => DomainError.Conflict("no-signing-certificate",
        $"Cán bộ {userName} chưa có chứng thư số để ký kết quả.", $"The official {userName} has no signing certificate.");

    public static DomainError Refused(string why) => DomainError.Conflict("signer-refused",
        $"Dịch vụ ký số từ chối ký: {why}.", $"The signing service refused to sign: {why}.");

    public static DomainError TimedOut(TimeSpan after) => DomainError.Conflict("signer-timeout",
        $"Dịch vụ ký số không trả lời sau {after.TotalSeconds:0} giây; hồ sơ chưa được chuyển bước, vui lòng thử lại.",
        $"The signing service did not answer within {after.TotalSeconds:0} s; the dossier did not move, please retry.");

    public static DomainError Expired(DateTime notAfter) => DomainError.Conflict("certificate-expired",
        $"Chứng thư số đã hết hạn từ {notAfter:dd/MM/yyyy}.", $"The signing certificate expired on {notAfter:yyyy-MM-dd}.");

    public static DomainError NotYetValid(DateTime notBefore) => DomainError.Conflict("certificate-not-yet-valid",
        $"Chứng thư số chỉ có hiệu lực từ {notBefore:dd/MM/yyyy}.", $"The signing certificate is valid only from {notBefore:yyyy-MM-dd}.");

    public static DomainError Revoked(DateTimeOffset at) => DomainError.Conflict("certificate-revoked",
        $"Chứng thư số đã bị thu hồi từ {at:dd/MM/yyyy}.", $"The signing certificate was revoked on {at:yyyy-MM-dd}.");

    public static DomainError Untrusted() => DomainError.Conflict("certificate-untrusted",
        "Chứng thư số không do tổ chức cung cấp dịch vụ chứng thực được tin cậy cấp.", "The signing certificate was not issued by a trusted authority.");

    public static DomainError DossierMoved() => DomainError.Conflict("signature-discarded",
        "Hồ sơ đã thay đổi trong lúc chờ ký số nên chữ ký vừa tạo đã bị hủy; hồ sơ chưa được chuyển bước. Vui lòng tải lại hồ sơ và ký lại.",
        "The dossier changed while the signature was being made, so the signature was discarded and the dossier did not move. Reload it and sign again.");

    public static DomainError TimestampTimedOut(TimeSpan after) => DomainError.Conflict("timestamp-timeout",
        $"Máy chủ cấp dấu thời gian không trả lời sau {after.TotalSeconds:0} giây; hồ sơ chưa được chuyển bước, vui lòng thử lại.",
        $"The time-stamping authority did not answer within {after.TotalSeconds:0} s; the dossier did not move, please retry.");

    public static DomainError TimestampRefused(string why) => DomainError.Conflict("timestamp-refused",
        $"Máy chủ cấp dấu thời gian không cấp dấu thời gian hợp lệ ({why}); hồ sơ chưa được chuyển bước.",
        $"The time-stamping authority gave no valid time-stamp ({why}); the dossier did not move.");

    public static DomainError WrongKey() => DomainError.Conflict("signer-wrong-key",
        "Chữ ký trả về không khớp với chứng thư số của cán bộ.", "The returned signature does not match the official's certificate.");
}

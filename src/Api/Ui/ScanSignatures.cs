using Api.Attachments;
using Microsoft.Extensions.Localization;
using Procedures.Signatures;

namespace Api.Ui;

/// <summary>
/// The signature check of a PDF a citizen sent (a signed form or a signed document from another agency), shown to the
/// official who opens it on the dossier page: the same verification as the public page, on the stored file.
/// </summary>
public static class ScanSignatures
{
    /// <summary>Larger files are not checked on opening; the public verification page takes up to the same size.</summary>
    const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The verification of a stored PDF; null when it is missing or too large to check on opening.</summary>
    public static async Task<SignatureReport?> CheckAsync(IServiceProvider sp, Guid attachmentId, CancellationToken ct = default)
    {
        await using var stream = await sp.GetRequiredService<IFileStore>().OpenAsync(attachmentId, ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return sp.GetRequiredService<SignatureVerifier>().Verify(buffer.ToArray());
    }

    /// <summary>Why a signature is not valid, in the page's language: the rule the verification page and the dossier page share.</summary>
    public static string Why(IStringLocalizer<UiText> L, SignatureReport r) => !r.Signed ? L["NotSigned"]
        : !r.DocumentUnchanged ? L["DocumentChanged"]
        : !r.SignatureValid ? L["SignatureInvalid"]
        : r.CertificateProblem is { } p ? (UiServices.IsEnglish ? p.MessageEn : p.MessageVi)
        : r.Timestamp is { Valid: false } ? L["TimestampInvalid"] : "";
}

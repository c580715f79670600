using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;
using Procedures.Common;
using Procedures.Forms.Layout;

namespace Procedures.Signatures;

/// <summary>Where the visible signature sits: the page (zero-based) and the box, in points from the top-left.</summary>
public sealed record StampPlace(int PageIndex, double X, double Y, double Width, double Height);

/// <summary>How a PDF is signed: its /SubFilter and the time-stamping authority, if any.</summary>
public sealed record PdfSigning(PdfSubFilter SubFilter, TimestampAuthority? Timestamps)
{
    public static PdfSigning Default { get; } = new(PdfSubFilter.CadesDetached, null);
}

/// <summary>
/// Signs a PDF with PDFsharp's signature support (the whole file but the signature covered): the CMS comes from
/// <see cref="CmsSignature"/> with the official's key, the signature widget covers the stamp the form printed (name,
/// title, unit, time), so a reader's click on it opens the signature panel.
/// </summary>
public static class PdfSigner
{
    /// <summary>Room for the CMS: the certificate, its chain and the attributes, well under 8 KB for RSA keys.</summary>
    const int SignatureSize = 8192;
    /// <summary>A time-stamp token brings the authority's certificates and its own signed attributes: room for them too.</summary>
    const int TimestampSize = 8192;

    public static async Task<DomainResult<byte[]>> SignAsync(byte[] pdf, StampPlace stamp, string reason, string location,
        SigningKey key, DateTimeOffset signingTime, CancellationToken ct, PdfSigning? how = null)
    {
        PdfSharpSetup.Ensure();
        how ??= PdfSigning.Default;
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        using var output = new MemoryStream();
        var device = new Device(key, signingTime, how, output, ct);
        DigitalSignatureHandler.ForDocument(document, device, new DigitalSignatureOptions
        {
            Reason = reason,
            Location = location,
            AppName = "ISO điện tử",
            PageIndex = stamp.PageIndex,
            // PDF space: from the page's bottom edge.
            Rectangle = new XRect(stamp.X, document.Pages[stamp.PageIndex].Height.Point - stamp.Y - stamp.Height, stamp.Width, stamp.Height),
            AppearanceHandler = new Frame(),
        });
        await document.SaveAsync(output, closeStream: false);
        return device.Failure is { } failed ? failed : output.ToArray();
    }

    /// <summary>PDFsharp's side of the signer: it hands over the signed ranges and writes back the CMS.</summary>
    sealed class Device(SigningKey key, DateTimeOffset signingTime, PdfSigning how, MemoryStream output, CancellationToken ct) : IDigitalSigner
    {
        public DomainError? Failure { get; private set; }

        public string CertificateName => key.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(SignatureSize + (how.Timestamps is { Enabled: true } ? TimestampSize : 0));

        public async Task<byte[]> GetSignatureAsync(Stream stream)
        {
            // The signature dictionary is written by now and the ranges are read from the same buffer: the place to set
            // what PDFsharp does not let us choose, before a byte of it is hashed.
            SignatureDictionary.Settle(output, how.SubFilter, signingTime);
            // PDFsharp's ranged stream cannot seek, but takes a position: start from the first range.
            var content = new byte[stream.Length];
            stream.Position = 0;
            var done = 0;
            while (done < content.Length && await stream.ReadAsync(content.AsMemory(done), ct) is var read and > 0)
                done += read;
            var cms = await CmsSignature.CreateAsync(content, key,
                how.SubFilter == PdfSubFilter.AdbePkcs7Detached ? signingTime : null, how.Timestamps, ct);
            // A refusal is kept as a result; the document written around the empty signature is thrown away.
            Failure = cms.Error;
            return cms.Value ?? [];
        }
    }

    /// <summary>The widget's own appearance: a thin frame around the printed stamp, no text (so no second font embedded).</summary>
    sealed class Frame : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect) =>
            gfx.DrawRectangle(new XPen(XColor.FromArgb(0xB0, 0x1E, 0x23), 0.8), 0.4, 0.4, rect.Width - 0.8, rect.Height - 0.8);
    }
}

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

/// <summary>
/// Signs a PDF with PDFsharp's signature support (<c>/adbe.pkcs7.detached</c>, the whole file but the signature
/// covered): the CMS comes from <see cref="CmsSignature"/> with the official's key, the signature widget covers the
/// stamp the form printed (name, title, unit, time), so a reader's click on it opens the signature panel.
/// </summary>
public static class PdfSigner
{
    /// <summary>Room for the CMS: the certificate, its chain and the attributes, well under 8 KB for RSA keys.</summary>
    const int SignatureSize = 8192;

    public static async Task<DomainResult<byte[]>> SignAsync(byte[] pdf, StampPlace stamp, string reason, string location,
        SigningKey key, DateTimeOffset signingTime, CancellationToken ct)
    {
        PdfSharpSetup.Ensure();
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var device = new Device(key, signingTime, ct);
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
        using var output = new MemoryStream();
        await document.SaveAsync(output, closeStream: false);
        return device.Failure is { } failed ? failed : output.ToArray();
    }

    /// <summary>PDFsharp's side of the signer: it hands over the signed ranges and writes back the CMS.</summary>
    sealed class Device(SigningKey key, DateTimeOffset signingTime, CancellationToken ct) : IDigitalSigner
    {
        public DomainError? Failure { get; private set; }

        public string CertificateName => key.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(SignatureSize);

        public async Task<byte[]> GetSignatureAsync(Stream stream)
        {
            // PDFsharp's ranged stream cannot seek, but takes a position: start from the first range.
            var content = new byte[stream.Length];
            stream.Position = 0;
            var done = 0;
            while (done < content.Length && await stream.ReadAsync(content.AsMemory(done), ct) is var read and > 0)
                done += read;
            var cms = await CmsSignature.CreateAsync(content, key, signingTime, ct);
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

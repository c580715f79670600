using System.Diagnostics;

namespace Tests.Shared;

/// <summary>The text of a PDF as poppler's <c>pdftotext -layout</c> reads it (Debian <c>poppler-utils</c>, installed by test.sh).</summary>
public static class PdfText
{
    public static string Of(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"iso-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"pdftotext exited with {process.ExitCode}: the PDF could not be read.");
            return text;
        }
        finally { File.Delete(file); }
    }
}

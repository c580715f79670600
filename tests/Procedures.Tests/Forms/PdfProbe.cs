using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Procedures.Forms.Tests;

/// <summary>Reads a generated PDF back with poppler-utils (pdftotext, pdfinfo, pdftoppm), as a person or a
/// search index would, and keeps the file and a PNG of its first page in test-output/forms for a human look.</summary>
internal sealed partial class PdfProbe
{
    public static string OutputFolder => Path.Combine(TestContext.CurrentContext.WorkDirectory, "test-output", "forms");

    public PdfProbe(byte[] pdf, string name)
    {
        Bytes = pdf;
        Directory.CreateDirectory(OutputFolder);
        FilePath = Path.Combine(OutputFolder, name + ".pdf");
        File.WriteAllBytes(FilePath, pdf);
    }

    public byte[] Bytes { get; }
    public string FilePath { get; }

    /// <summary>Text with the physical layout kept, so the cells of one table row come out on one line.</summary>
    public string Text => _text ??= Run("pdftotext", "-enc", "UTF-8", "-layout", FilePath, "-");
    string? _text;

    public string[] Lines => Text.Split('\n');

    public int Pages => int.Parse(PagesLine().Match(Info).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Page size in points, as pdfinfo reports it for the first page.</summary>
    public (double Width, double Height) PageSize
    {
        get
        {
            var match = SizeLine().Match(Info);
            return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }
    }

    string Info => _info ??= Run("pdfinfo", FilePath);
    string? _info;

    /// <summary>Every word with its box (pdftotext -bbox), to check nothing is printed off the page.</summary>
    public IReadOnlyList<(string Word, double XMax, double YMax, double PageWidth, double PageHeight)> Words()
    {
        var html = Run("pdftotext", "-enc", "UTF-8", "-bbox", FilePath, "-");
        var words = new List<(string, double, double, double, double)>();
        double pageWidth = 0, pageHeight = 0;
        foreach (var line in html.Split('\n'))
        {
            if (PageTag().Match(line) is { Success: true } page)
            {
                pageWidth = double.Parse(page.Groups[1].Value, CultureInfo.InvariantCulture);
                pageHeight = double.Parse(page.Groups[2].Value, CultureInfo.InvariantCulture);
            }
            else if (WordTag().Match(line) is { Success: true } word)
            {
                words.Add((word.Groups[3].Value, double.Parse(word.Groups[1].Value, CultureInfo.InvariantCulture),
                    double.Parse(word.Groups[2].Value, CultureInfo.InvariantCulture), pageWidth, pageHeight));
            }
        }
        return words;
    }

    /// <summary>First page as a 60 dpi PNG; returns its path.</summary>
    public string RenderFirstPage(int dpi = 60)
    {
        var prefix = Path.ChangeExtension(FilePath, null);
        Run("pdftoppm", "-png", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", FilePath, prefix);
        return prefix + ".png";
    }

    /// <summary>First page as 8-bit grey pixels (0 = black), from pdftoppm's PGM output.</summary>
    public (int Width, int Height, byte[] Pixels) RenderFirstPageGrey(int dpi)
    {
        var prefix = Path.ChangeExtension(FilePath, null) + "-grey";
        Run("pdftoppm", "-gray", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", FilePath, prefix);
        var pgm = File.ReadAllBytes(prefix + ".pgm");
        // Header: "P5", width, height, max value, each followed by whitespace; then the pixels.
        var fields = new List<int>();
        var at = 2;
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)pgm[at]))
                at++;
            var start = at;
            while (!char.IsWhiteSpace((char)pgm[at]))
                at++;
            fields.Add(int.Parse(Encoding.ASCII.GetString(pgm, start, at - start), CultureInfo.InvariantCulture));
        }
        return (fields[0], fields[1], pgm[(at + 1)..]);
    }

    public string Latin1Bytes => Encoding.Latin1.GetString(Bytes);

    internal static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            Assert.Fail($"'{tool}' was not found. The form tests read PDFs back with poppler-utils: apt-get install -y poppler-utils");
            throw; // unreachable: Assert.Fail throws
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                Assert.Fail($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
            return stdout.Result;
        }
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page size:\s+([\d.]+) x ([\d.]+) pts", RegexOptions.Multiline)]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"<page width=""([\d.]+)"" height=""([\d.]+)"">")]
    private static partial Regex PageTag();

    [GeneratedRegex(@"<word xMin=""[\d.]+"" yMin=""[\d.]+"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">(.*)</word>")]
    private static partial Regex WordTag();
}

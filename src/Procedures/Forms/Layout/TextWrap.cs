using System.Text;
using PdfSharp.Drawing;

namespace Procedures.Forms.Layout;

/// <summary>A piece of text in one font; a paragraph is a list of runs.</summary>
internal readonly record struct TextRun(string Text, XFont Font);

internal sealed record TextSegment(string Text, XFont Font, double Width);

internal sealed record TextLine(IReadOnlyList<TextSegment> Segments, double Width, double Height);

/// <summary>Breaks runs into lines that fit a width, at spaces, and inside a word only when the word alone is too wide.</summary>
internal static class TextWrap
{
    public static IReadOnlyList<TextLine> Wrap(XGraphics graphics, IEnumerable<TextRun> runs, double maxWidth)
    {
        var lines = new List<TextLine>();
        var line = new List<TextSegment>();
        XFont? lastFont = null;
        double width = 0;

        void Flush()
        {
            while (line.Count > 0 && string.IsNullOrWhiteSpace(line[^1].Text))
            {
                width -= line[^1].Width;
                line.RemoveAt(line.Count - 1);
            }
            var height = line.Count > 0 ? line.Max(s => s.Font.GetHeight()) : lastFont?.GetHeight() ?? 0;
            lines.Add(new TextLine(Merge(line), width, height));
            line.Clear();
            width = 0;
        }

        foreach (var run in runs)
        {
            lastFont = run.Font;
            foreach (var token in Tokens(Normalize(run.Text).Replace("\r\n", "\n").Replace('\r', '\n').Replace('\t', ' ')))
            {
                if (token == "\n")
                {
                    Flush();
                    continue;
                }
                var tokenWidth = Measure(graphics, token, run.Font);
                if (token[0] == ' ')
                {
                    if (line.Count > 0) // no leading spaces on a wrapped line
                    {
                        line.Add(new TextSegment(token, run.Font, tokenWidth));
                        width += tokenWidth;
                    }
                    continue;
                }
                if (width + tokenWidth > maxWidth && line.Any(s => !string.IsNullOrWhiteSpace(s.Text)))
                    Flush();
                if (tokenWidth <= maxWidth - width)
                {
                    line.Add(new TextSegment(token, run.Font, tokenWidth));
                    width += tokenWidth;
                    continue;
                }
                // A word wider than the whole line (a long code or URL): cut it where it overflows.
                var rest = token;
                while (rest.Length > 0)
                {
                    var take = FittingPrefix(graphics, rest, run.Font, maxWidth - width);
                    var piece = rest[..take];
                    var pieceWidth = Measure(graphics, piece, run.Font);
                    line.Add(new TextSegment(piece, run.Font, pieceWidth));
                    width += pieceWidth;
                    rest = rest[take..];
                    if (rest.Length > 0)
                        Flush();
                }
            }
        }
        if (line.Count > 0 || lines.Count == 0)
            Flush();
        return lines;
    }

    /// <summary>PDFsharp does no glyph shaping, so decomposed input (a base letter plus combining marks, as some
    /// browsers and macOS send it) must be composed first or the marks print beside their letters.</summary>
    public static string Normalize(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    public static double Measure(XGraphics graphics, string text, XFont font) =>
        text.Length == 0 ? 0 : graphics.MeasureString(text, font).Width;

    static int FittingPrefix(XGraphics graphics, string text, XFont font, double available)
    {
        var take = 1; // at least one character per line, or we would never finish
        while (take < text.Length && Measure(graphics, text[..(take + 1)], font) <= available)
            take++;
        return take;
    }

    static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || text[i] == '\n' || (i > start && (text[i] == ' ') != (text[start] == ' '));
            if (!boundary)
                continue;
            if (i > start)
                yield return text[start..i];
            if (i < text.Length && text[i] == '\n')
            {
                yield return "\n";
                start = i + 1;
            }
            else
                start = i;
        }
    }

    // One draw call per font change keeps words together when pdftotext or a screen reader reads the PDF back.
    static List<TextSegment> Merge(List<TextSegment> segments)
    {
        var merged = new List<TextSegment>();
        foreach (var segment in segments)
        {
            if (merged.Count > 0 && ReferenceEquals(merged[^1].Font, segment.Font))
                merged[^1] = merged[^1] with { Text = merged[^1].Text + segment.Text, Width = merged[^1].Width + segment.Width };
            else
                merged.Add(segment);
        }
        return merged;
    }
}

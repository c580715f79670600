namespace Procedures.Forms.Tests;

internal static class FormAssertions
{
    /// <summary>Some line of the laid-out text holds all parts, left to right: they were printed in one table row.</summary>
    public static void ShouldHaveRow(this PdfProbe pdf, params string[] parts)
    {
        var found = pdf.Lines.Any(line =>
        {
            var at = 0;
            foreach (var part in parts)
            {
                at = line.IndexOf(part, at, StringComparison.Ordinal);
                if (at < 0)
                    return false;
                at += part.Length;
            }
            return true;
        });
        found.ShouldBeTrue($"no line holds [{string.Join(" | ", parts)}] in {pdf.FilePath}");
    }

    /// <summary>Each text appears, wherever its lines were wrapped.</summary>
    public static void ShouldShow(this PdfProbe pdf, params string[] texts)
    {
        var flowing = Collapse(pdf.Text);
        foreach (var text in texts)
            flowing.ShouldContain(Collapse(text), Case.Sensitive, $"in {pdf.FilePath}");
    }

    static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));
}

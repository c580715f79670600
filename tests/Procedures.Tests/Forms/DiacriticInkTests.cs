using System.Text;
using PdfSharp.Drawing;
using Procedures.Forms.Layout;

namespace Procedures.Forms.Tests;

/// <summary>pdftotext reads the text layer, which stays right even when a glyph is drawn without its accent
/// (a font subset missing the accent's outline). So draw each letter alone and count its ink: a letter with a
/// diacritic must print more ink than the same letter without it.</summary>
public sealed class DiacriticInkTests
{
    const string Vowels = "aăâeêioôơuưy";
    const string Tones = "\u0300\u0301\u0309\u0303\u0323"; // huyền, sắc, hỏi, ngã, nặng
    const double Cell = 40, Size = 26, Dpi = 144;

    static IEnumerable<(string Marked, string Plain)> Pairs()
    {
        foreach (var upper in new[] { false, true })
        {
            string Case(string s) => upper ? s.ToUpperInvariant() : s;
            foreach (var vowel in Vowels)
            {
                var plain = vowel.ToString().Normalize(NormalizationForm.FormD)[..1];
                if (plain != vowel.ToString())
                    yield return (Case(vowel.ToString()), Case(plain));
                // A tone above a lowercase i replaces its dot, so compare with the dotless ı.
                var toneless = vowel == 'i' && !upper ? "ı" : Case(vowel.ToString());
                foreach (var tone in Tones)
                    yield return (Case((vowel + tone.ToString()).Normalize(NormalizationForm.FormC)), toneless);
            }
            yield return (Case("đ"), Case("d"));
        }
    }

    [TestCase(XFontStyleEx.Regular)]
    [TestCase(XFontStyleEx.Bold)]
    public void Every_Vietnamese_letter_prints_its_diacritics(XFontStyleEx style)
    {
        var pairs = Pairs().ToList();
        var letters = pairs.SelectMany(p => new[] { p.Marked, p.Plain }).Distinct().ToList();
        var writer = new FormWriter("Diacritics");
        var font = writer.Font(Size, style);
        const int perRow = 13;
        for (var i = 0; i < letters.Count; i++)
            writer.Graphics.DrawString(letters[i], font, XBrushes.Black, 20 + i % perRow * Cell, 20 + i / perRow * Cell, XStringFormats.TopLeft);
        var pdf = new PdfProbe(writer.Finish(), $"diacritics-{style}");

        var (width, _, pixels) = pdf.RenderFirstPageGrey((int)Dpi);
        int Ink(string letter)
        {
            var i = letters.IndexOf(letter);
            var scale = Dpi / 72;
            var x0 = (int)((20 + i % perRow * Cell - 4) * scale);
            var y0 = (int)((20 + i / perRow * Cell - 4) * scale);
            var ink = 0;
            for (var y = y0; y < y0 + Cell * scale; y++)
                for (var x = x0; x < x0 + Cell * scale; x++)
                    ink += pixels[y * width + x] < 128 ? 1 : 0;
            return ink;
        }

        pairs.Where(p => Ink(p.Marked) <= Ink(p.Plain) + 6).Select(p => $"{p.Marked} ({Ink(p.Marked)}) vs {p.Plain} ({Ink(p.Plain)})")
            .ShouldBeEmpty();
    }
}

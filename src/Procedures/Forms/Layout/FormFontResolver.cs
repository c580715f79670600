using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Procedures.Forms.Layout;

/// <summary>Serves the DejaVu faces embedded in this assembly, so a form prints the same on every server
/// and never falls back to a system font that lacks Vietnamese glyphs.</summary>
internal sealed class FormFontResolver : IFontResolver
{
    public const string Serif = "DejaVu Serif";
    public const string Sans = "DejaVu Sans";
    const string ResourcePrefix = "Procedures.Forms.Fonts.";

    public static readonly FormFontResolver Instance = new();
    readonly ConcurrentDictionary<string, byte[]> _faces = new();

    FormFontResolver() { }

    /// <summary>PDFsharp takes one resolver per process, set before the first font is made; setting the
    /// same instance again is allowed, another one is not.</summary>
    public static void Install()
    {
        if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            GlobalFontSettings.FontResolver = Instance;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName switch
        {
            Serif => "DejaVuSerif",
            Sans => "DejaVuSans",
            _ => null,
        };
        if (face is null)
            return null;
        // Only upright faces are shipped: PDFsharp slants them for the italic notes such as "(Ký và ghi rõ họ tên)".
        return new FontResolverInfo(bold ? face + "-Bold" : face, mustSimulateBold: false, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    static byte[] Load(string faceName)
    {
        using var stream = typeof(FormFontResolver).Assembly.GetManifestResourceStream(ResourcePrefix + faceName + ".ttf")
            ?? throw new InvalidOperationException($"Font {faceName}.ttf is not embedded in {typeof(FormFontResolver).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

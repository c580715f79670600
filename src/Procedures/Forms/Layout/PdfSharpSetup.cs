namespace Procedures.Forms.Layout;

/// <summary>Process-wide PDFsharp settings the forms need before the first document is made.</summary>
internal static class PdfSharpSetup
{
    static readonly Lock Gate = new();
    static bool _done;

    public static void Ensure()
    {
        lock (Gate)
        {
            if (_done)
                return;
            FormFontResolver.Install();
            _done = true;
        }
    }
}

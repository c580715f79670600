using PdfSharp;

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
            // Since 6.5 PDFsharp throws on every document until a licence is chosen: the free AGPL one or a
            // commercial key (PdfSharpLicense.LoadLicense). This open-source project takes the AGPL terms; a
            // commercial key, if the project ever buys one, replaces this line.
            PdfSharpLicense.SetAgplLicense();
            FormFontResolver.Install();
            _done = true;
        }
    }
}

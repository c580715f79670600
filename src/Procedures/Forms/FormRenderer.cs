namespace Procedures.Forms;

/// <summary>Renders the Circular 01/2018/TT-VPCP forms as A4 PDF documents with embedded fonts.</summary>
public static class FormRenderer
{
    /// <summary>Form 01: receipt with appointment, QR code and dossier code.</summary>
    public static byte[] Render(ReceiptForm form) => ReceiptLayout.Render(form);

    /// <summary>Form 02: request listing every missing item.</summary>
    public static byte[] Render(SupplementRequestForm form) => SupplementRequestLayout.Render(form);

    /// <summary>Form 03: refusal with its reason.</summary>
    public static byte[] Render(RefusalForm form) => RefusalLayout.Render(form);

    /// <summary>Form 04: apology with the new appointment.</summary>
    public static byte[] Render(ApologyForm form) => ApologyLayout.Render(form);

    /// <summary>Form 05: process-control sheet, landscape, as many pages as the hand-offs need.</summary>
    public static byte[] Render(ProcessControlForm form) => ProcessControlLayout.Render(form);

    /// <summary>Form 06: register of received dossiers, landscape, as many pages as the rows need.</summary>
    public static byte[] Render(RegisterForm form) => RegisterLayout.Render(form);

    /// <summary>The electronic result, unsigned, with the place of its signature stamp.</summary>
    public static RenderedResult Render(ResultForm form) => ResultLayout.Render(form);
}

namespace Procedures.Forms;

/// <summary>Renders the Circular 01/2018/TT-VPCP forms as A4 PDF documents with embedded fonts.</summary>
public static class FormRenderer
{
    /// <summary>Form 01: receipt with appointment, QR code and dossier code.</summary>
    public static byte[] Render(ReceiptForm form) => ReceiptLayout.Render(form);

    /// <summary>Form 02: request listing every missing item.</summary>
    public static byte[] Render(SupplementRequestForm form) => SupplementRequestLayout.Render(form);

    /// <summary>Form 03: refusal with its reason.</summary>
    public static byte[] Render(RefusalForm form) => RefusalLayout.Render(form).Pdf;

    /// <summary>Form 03 with its signer's stamp in the signature box, to be signed by the official who issues it.</summary>
    public static RenderedForm RenderToSign(RefusalForm form) => RefusalLayout.Render(form with { DigitallySigned = true }) is { Stamp: { } stamp } r
        ? new RenderedForm(r.Pdf, stamp) : throw new InvalidOperationException("A form to sign has a stamp.");

    /// <summary>Form 04: apology with the new appointment.</summary>
    public static byte[] Render(ApologyForm form) => ApologyLayout.Render(form).Pdf;

    /// <summary>Form 04 with its signer's stamp in the signature box, to be signed by the leader who issues it.</summary>
    public static RenderedForm RenderToSign(ApologyForm form) => ApologyLayout.Render(form with { DigitallySigned = true }) is { Stamp: { } stamp } r
        ? new RenderedForm(r.Pdf, stamp) : throw new InvalidOperationException("A form to sign has a stamp.");

    /// <summary>Form 05: process-control sheet, landscape, as many pages as the hand-offs need.</summary>
    public static byte[] Render(ProcessControlForm form) => ProcessControlLayout.Render(form);

    /// <summary>Form 06: register of received dossiers, landscape, as many pages as the rows need.</summary>
    public static byte[] Render(RegisterForm form) => RegisterLayout.Render(form);

    /// <summary>The electronic result, unsigned, with the place of its signature stamp.</summary>
    public static RenderedForm Render(ResultForm form) => ResultLayout.Render(form);
}

namespace Procedures.Forms;

/// <summary>
/// The public tracking page with a dossier code, and nothing else: public tracking asks for a second factor before it
/// shows anything, so the link can be printed (QR code on the receipt) or sent (email, SMS) without exposing personal data.
/// </summary>
public static class TrackingLinks
{
    public static Uri For(Uri trackingPage, string dossierCode)
    {
        var builder = new UriBuilder(trackingPage);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + "ma-ho-so=" + Uri.EscapeDataString(dossierCode);
        return builder.Uri;
    }
}

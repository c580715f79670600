namespace Procedures.Documents;

/// <summary>A printed form produced for a dossier or a unit: the bytes and how to offer them for download.</summary>
/// <param name="FileName">Names the form and the dossier code (or the unit and range), never the applicant: file names end up in logs and download folders.</param>
public sealed record GeneratedDocument(string FileName, string ContentType, byte[] Content)
{
    public const string Pdf = "application/pdf";

    public static GeneratedDocument FromPdf(string name, byte[] content) => new($"{name}.pdf", Pdf, content);
}

using Procedures.Common;
using Procedures.Documents;
using Procedures.Forms.Tests;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

/// <summary>
/// Forms produced from dossiers driven through the real use cases (<see cref="DossierTest"/>), read back with
/// pdftotext through the forms' own <see cref="PdfProbe"/>; the PDFs stay in test-output/forms/documents-*.pdf.
/// </summary>
public abstract class DocumentTest : DossierTest
{
    /// <summary>The applicant of <see cref="DossierTest.Complete"/>.</summary>
    protected const string An = "Nguyễn Văn An";
    protected const string Clerk = "Nguyễn Thị Tiếp", Specialist = "Trần Văn Thẩm", Head = "Phạm Văn Trưởng", Leader = "Hoàng Văn Chủ";

    protected Task<DomainResult<GeneratedDocument>> Produce(Func<DossierDocuments, Task<DomainResult<GeneratedDocument>>> call) =>
        Run<DossierDocuments, DomainResult<GeneratedDocument>>(call);

    /// <summary>A PDF that was produced, read back; the file name says the form and the code, never the applicant.</summary>
    internal static PdfProbe Read(DomainResult<GeneratedDocument> result, string name)
    {
        var document = result.Ok();
        document.ContentType.ShouldBe("application/pdf");
        document.FileName.ShouldEndWith(".pdf");
        document.FileName.ShouldNotContain("Nguy", Case.Insensitive);
        return new PdfProbe(document.Content, "documents-" + name);
    }

    /// <summary>A Conflict whose messages name the form, in Vietnamese and in English.</summary>
    protected static void ShouldBeRefusedFor(DomainResult<GeneratedDocument> result, string code, string formNumber)
    {
        var error = result.Fails(ErrorKind.Conflict);
        error.Code.ShouldBe(code);
        error.MessageVi.ShouldContain($"Mẫu {formNumber}");
        error.MessageEn.ShouldContain($"Form {formNumber}");
    }
}

using System.IO.Compression;
using Procedures.Catalogue;

namespace Procedures.Tests.Catalogue;

public sealed class When_a_template_file_is_checked
{
    /// <summary>An Office Open XML package with the parts that make it a document of its kind.</summary>
    public static byte[] Package(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var part in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<x/>");
            }
        return buffer.ToArray();
    }

    public static byte[] Docx() => Package("[Content_Types].xml", "word/document.xml");
    private static readonly byte[] Pdf = "%PDF-1.7\n%mẫu\n"u8.ToArray();

    [Test]
    public void Should_recognise_pdf_docx_and_xlsx_by_their_content()
    {
        TemplateFileRules.Check("To khai.pdf", Pdf).Value.ShouldBe(TemplateFileRules.Pdf);
        TemplateFileRules.Check("Tờ khai.DOCX", Docx()).Value.ShouldBe(TemplateFileRules.Docx);
        TemplateFileRules.Check("bang-ke.xlsx", Package("[Content_Types].xml", "xl/workbook.xml")).Value.ShouldBe(TemplateFileRules.Xlsx);
    }

    [TestCase("mau.pdf", "MZ\u0090\u0000 an executable renamed")]
    [TestCase("mau.doc", "%PDF-1.4 a pdf named as an old Word file")]
    [TestCase("mau.docx", "%PDF-1.4 a pdf named as docx")]
    [TestCase("mau.exe", "%PDF-1.4 a pdf named exe")]
    public void Should_refuse_content_that_is_not_what_its_name_says(string name, string content)
    {
        var error = TemplateFileRules.Check(name, System.Text.Encoding.Latin1.GetBytes(content)).Error!;
        (error.Field, error.Code).ShouldBe(("file", "file-type-not-allowed"));
    }

    [Test]
    public void Should_refuse_a_zip_that_is_no_office_document_and_a_broken_one()
    {
        TemplateFileRules.Check("mau.docx", Package("[Content_Types].xml", "payload.js")).Error!.Code.ShouldBe("file-type-not-allowed");
        TemplateFileRules.Check("mau.xlsx", Docx()).Error!.Code.ShouldBe("file-type-not-allowed");
        TemplateFileRules.Check("mau.docx", "PK\u0003\u0004 truncated"u8.ToArray()).Error!.Code.ShouldBe("file-type-not-allowed");
    }

    [Test]
    public void Should_refuse_an_empty_file_and_one_over_the_limit()
    {
        TemplateFileRules.Check("mau.pdf", []).Error!.Code.ShouldBe("file-required");
        var big = new byte[TemplateFileRules.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        TemplateFileRules.Check("mau.pdf", big).Error!.Code.ShouldBe("file-too-large");
    }

    [Test]
    public void Should_keep_a_clean_name_with_the_kind_extension() =>
        TemplateFileRules.CleanName("..\\C:/tmp/Tờ khai: khai sinh?.PDF", TemplateFileRules.Pdf).ShouldBe("Tờ khai khai sinh.pdf");
}

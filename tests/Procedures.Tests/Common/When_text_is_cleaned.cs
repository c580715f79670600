using System.Text;
using Procedures.Common;

namespace Procedures.Tests.Common;

/// <summary>The rule every text goes through, at the API's edge and on the way into the database.</summary>
public sealed class When_text_is_cleaned
{
    [TestCase("fullName", true)]
    [TestCase("applicant.address", true)]
    [TestCase("TaxCode", true)]
    [TestCase("idNumber", true)]
    [TestCase("reason", false)]
    [TestCase("note", false)]
    [TestCase("body", false)]
    public void Should_tell_one_line_fields_by_their_name(string field, bool singleLine) => CleanText.IsSingleLine(field).ShouldBe(singleLine);

    [TestCase("An\u0000", '\u0000')]
    [TestCase("An\u0007", '\u0007')]
    [TestCase("An\u001b[31m", '\u001b')]
    [TestCase("An\u007f", '\u007f')]
    [TestCase("An\u0085", '\u0085')]
    [TestCase("An\r\nB", '\r')]
    [TestCase("An\tB", '\t')]
    public void Should_refuse_any_control_character_in_one_line(string text, char refused) => CleanText.FirstRefused(text, singleLine: true).ShouldBe(refused);

    [Test]
    public void Should_keep_tab_and_line_breaks_in_free_text_but_not_nul()
    {
        CleanText.FirstRefused("Dòng 1\r\n\tDòng 2", singleLine: false).ShouldBeNull();
        CleanText.FirstRefused("Dòng 1\u0000", singleLine: false).ShouldBe('\u0000');
    }

    [Test]
    public void Should_drop_bidi_controls_everywhere_and_zero_width_characters_from_one_line()
    {
        CleanText.Normalise("Nguyễn\u200B Văn \u202EAn\u202C\uFEFF", singleLine: true).ShouldBe("Nguyễn Văn An");
        CleanText.Normalise("Xin \u2066chào\u2069\u200D", singleLine: false).ShouldBe("Xin chào\u200D");
    }

    [Test]
    public void Should_compose_to_nfc()
    {
        var decomposed = "Trần Thị Ánh".Normalize(NormalizationForm.FormD);
        CleanText.Normalise(decomposed, singleLine: true).ShouldBe("Trần Thị Ánh");
        CleanText.ForSearch(decomposed).ShouldBe("Trần Thị Ánh");
    }

    [Test]
    public void Should_store_a_name_with_control_characters_with_spaces_instead_and_free_text_without_them()
    {
        CleanText.ForStorage("Nguyễn\u0007Văn\r\nAn\u0000", singleLine: true).ShouldBe("Nguyễn Văn  An");
        CleanText.ForStorage("Lý do\u0000:\r\n\u001b- một", singleLine: false).ShouldBe("Lý do:\r\n- một");
    }

    [Test]
    public void Should_return_the_same_instance_for_clean_text() =>
        CleanText.ForStorage("Nguyễn Văn An", singleLine: true).ShouldBeSameAs("Nguyễn Văn An");
}

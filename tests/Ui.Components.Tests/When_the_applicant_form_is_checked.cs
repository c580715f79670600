using System.Globalization;
using Api.Ui;

namespace Ui.Components.Tests;

/// <summary>The applicant fields of the reception desk and the online submission, checked before the use case sees them.</summary>
public sealed class When_the_applicant_form_is_checked
{
    [SetUp]
    public void Vietnamese() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");

    [Test]
    public void Should_ask_for_the_full_name_first()
    {
        new ApplicantForm { FullName = "  ", Phone = "abc" }.Check().ShouldBe("Vui lòng nhập họ tên người nộp hồ sơ.");
    }

    [TestCase("09x1", "Số điện thoại không hợp lệ.")]
    [TestCase("0901 000.001", null)]
    [TestCase("+84 901-000-001", null)]
    public void Should_accept_only_digits_spaces_dots_dashes_and_plus_in_the_phone(string phone, string? expected)
    {
        new ApplicantForm { FullName = "Nguyễn Văn An", Phone = phone }.Check().ShouldBe(expected);
    }

    [Test]
    public void Should_refuse_an_identity_number_with_other_characters_than_letters_and_digits()
    {
        new ApplicantForm { FullName = "Nguyễn Văn An", IdNumber = "0010-85" }.Check().ShouldBe("Số giấy tờ chỉ gồm chữ và số.");
        new ApplicantForm { FullName = "Nguyễn Văn An", IdNumber = "001085099999" }.Check().ShouldBeNull();
    }

    [Test]
    public void Should_refuse_a_malformed_email_and_say_it_in_english_when_the_ui_is_english()
    {
        new ApplicantForm { FullName = "Nguyễn Văn An", Email = "an.nguyen" }.Check().ShouldBe("Thư điện tử không hợp lệ.");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        new ApplicantForm { FullName = "Nguyễn Văn An", Email = "an.nguyen" }.Check().ShouldBe("The e-mail address is not valid.");
    }

    [Test]
    public void Should_trim_the_fields_and_leave_blank_ones_out()
    {
        var data = new ApplicantForm { FullName = " Nguyễn Văn An ", Phone = " ", Email = " an@example.vn " }.ToData();
        data.FullName.ShouldBe("Nguyễn Văn An");
        data.Phone.ShouldBeNull();
        data.Email.ShouldBe("an@example.vn");
    }
}

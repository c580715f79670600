using System.Globalization;
using Api.Ui;
using Api.Ui.Components.Shared;
using Bunit;

namespace Ui.Components.Tests;

/// <summary>The applicant fields of the reception desk and the online submission, checked before the use case sees them.</summary>
public sealed class When_the_applicant_form_is_checked
{
    [SetUp]
    public void Vietnamese() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");

    [Test]
    public void Should_report_every_problem_at_once_each_under_its_field()
    {
        var form = new ApplicantForm { FullName = new string('A', 5600), IdNumber = "12ab", Phone = "12345", Email = "an.nguyen" };
        var summary = form.Check();
        form.Errors.Keys.ShouldBe(["fullName", "idNumber", "phone", "email"], ignoreOrder: true);
        form.For("fullName").ShouldBe("Họ tên dài tối đa 200 ký tự (đang có 5600).");
        form.For("idNumber").ShouldBe("Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.");
        form.For("phone")!.ShouldStartWith("Số điện thoại không hợp lệ");
        form.For("email").ShouldBe("Thư điện tử không hợp lệ.");
        summary.ShouldNotBeNull();
        foreach (var message in form.Errors.Values) summary.ShouldContain(message);
    }

    [Test]
    public void Should_ask_for_the_full_name()
    {
        var form = new ApplicantForm { FullName = "  " };
        form.Check().ShouldBe("Vui lòng nhập họ tên người nộp hồ sơ.");
        form.Has("fullName").ShouldBeTrue();
    }

    [TestCase("12345")]
    [TestCase("091234")]
    [TestCase("09x1")]
    [TestCase("0123456789")] // no network starts 01 any more
    [TestCase("09123456789")] // a mobile number is 10 digits
    [TestCase("+1 901 000 001")]
    [TestCase("0912--345678")]
    public void Should_refuse_what_is_not_a_vietnamese_phone_number(string phone)
    {
        var form = new ApplicantForm { FullName = "Nguyễn Văn An", Phone = phone };
        form.Check().ShouldNotBeNull();
        form.Has("phone").ShouldBeTrue();
    }

    [TestCase("0901000001")]
    [TestCase("0901 000.001")]
    [TestCase("0912-345-678")]
    [TestCase("+84 901-000-001")]
    [TestCase("0321234567")]
    [TestCase("024 3825 1234")] // a Hà Nội landline: 02x and 11 digits
    public void Should_accept_mobile_and_landline_numbers_written_as_people_write_them(string phone)
    {
        new ApplicantForm { FullName = "Nguyễn Văn An", Phone = phone }.Check().ShouldBeNull();
    }

    [TestCase("12ab")]
    [TestCase("0010-85")]
    [TestCase("00108509999")]
    [TestCase("0010850999990")]
    public void Should_refuse_an_identity_number_that_is_not_twelve_digits(string idNumber)
    {
        var form = new ApplicantForm { FullName = "Nguyễn Văn An", IdNumber = idNumber };
        form.Check().ShouldBe("Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.");
    }

    [Test]
    public void Should_accept_a_twelve_digit_identity_number()
    {
        new ApplicantForm { FullName = "Nguyễn Văn An", IdNumber = " 001085099999 " }.Check().ShouldBeNull();
    }

    [Test]
    public void Should_say_it_in_english_when_the_ui_is_english()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var form = new ApplicantForm { FullName = "Nguyễn Văn An", Email = "an.nguyen", IdNumber = "12ab" };
        form.Check();
        form.For("email").ShouldBe("The e-mail address is not valid.");
        form.For("idNumber").ShouldBe("The personal identity number (citizen ID card) is exactly 12 digits.");
    }

    [Test]
    public void Should_clear_the_errors_once_the_fields_are_right()
    {
        var form = new ApplicantForm { FullName = "Nguyễn Văn An", Phone = "12345" };
        form.Check().ShouldNotBeNull();
        form.Phone = "0912 345 678";
        form.Check().ShouldBeNull();
        form.Errors.ShouldBeEmpty();
    }

    [Test]
    public void Should_trim_the_fields_and_leave_blank_ones_out()
    {
        var data = new ApplicantForm { FullName = " Nguyễn Văn An ", Phone = " ", Email = " an@example.vn " }.ToData();
        data.FullName.ShouldBe("Nguyễn Văn An");
        data.Phone.ShouldBeNull();
        data.Email.ShouldBe("an@example.vn");
    }

    [Test]
    public async Task Should_show_each_error_under_its_field_and_limit_what_can_be_typed()
    {
        await using var context = Components.NewContext();
        var form = new ApplicantForm { FullName = "", IdNumber = "12ab", Phone = "091234" };
        form.Check();
        var cut = context.Render<ApplicantFields>(p => p.Add(x => x.Form, form));
        foreach (var message in form.Errors.Values) cut.Markup.ShouldContain(message);
        form.Errors.Count.ShouldBe(3);
        cut.FindAll(".mud-input-control.mud-input-error").Count.ShouldBe(3); // name, ID number and phone, each in its own field
        cut.Find("[data-testid=applicant-name] input, input[data-testid=applicant-name]").GetAttribute("maxlength").ShouldBe("200");
        cut.Find("[data-testid=applicant-id] input, input[data-testid=applicant-id]").GetAttribute("maxlength").ShouldBe("12");
    }
}

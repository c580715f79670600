namespace Api.Ui;

/// <summary>Validation messages of plain forms, in the UI's language (data annotations need static properties).</summary>
public static class UiRequired
{
    public static string UserName => UiServices.IsEnglish ? "Enter your user name." : "Vui lòng nhập tên đăng nhập.";
    public static string Password => UiServices.IsEnglish ? "Enter your password." : "Vui lòng nhập mật khẩu.";
}

using System.Text.RegularExpressions;
using Engine.Definitions;

namespace Api.Ui.Admin;

/// <summary>
/// The engine's definition problems (English, as the engine knows no language but its own) in the administrator's language: each
/// known message shape is matched and said again in Vietnamese with the same names and numbers; the path stays as it is, so the
/// author still finds the place. A shape not listed here is shown as the engine wrote it.
/// </summary>
public static partial class DefinitionProblemText
{
    private static readonly (Regex Pattern, string Vietnamese)[] Shapes =
    [
        (R("^missing target step: 'move' needs 'to'$"), "thiếu bước đích: 'move' cần 'to'"),
        (R("^unknown step '(.*)'$"), "không có bước '{1}'"),
        (R("^unknown role '(.*)' \\((.*)\\)$"), "vai trò '{1}' chưa được khai báo ({2})"),
        (R("^unknown handler '(.*)'$"), "không có bộ xử lý '{1}'"),
        (R("^unknown property$"), "thuộc tính không được hỗ trợ"),
        (R("^unknown (\\w+) '(.*)' \\(expected (.*)\\)$"), "giá trị '{2}' không hợp lệ (cần một trong: {3})"),
        (R("^there is no end step$"), "không có bước kết thúc"),
        (R("^a definition needs at least one step$"), "quy trình cần ít nhất một bước"),
        (R("^dead end: step '(.*)' has no way out$"), "ngõ cụt: bước '{1}' không có lối ra"),
        (R("^no end step can be reached from '(.*)'$"), "từ bước '{1}' không đi tới được bước kết thúc nào"),
        (R("^step '(.*)' is unreachable from '(.*)'$"), "không đi tới được bước '{1}' từ bước bắt đầu '{2}'"),
        (R("^join '(.*)' has no split$"), "bước hợp nhánh '{1}' không có bước tách nhánh tương ứng"),
        (R("^join '(.*)' is closed by more than one split: (.*)$"), "bước hợp nhánh '{1}' đóng nhiều bước tách nhánh: {2}"),
        (R("^step '(.*)' is a (.*) step, not a join$"), "bước '{1}' là bước loại {2}, không phải bước hợp nhánh"),
        (R("^a split needs at least 2 branches, got (.*)$"), "bước tách nhánh cần ít nhất 2 nhánh, đang có {1}"),
        (R("^duplicate (.*) '(.*)' \\(first at (.*)\\)$"), "trùng {1} '{2}' (đã có ở {3})"),
        (R("^step id '(.*)' must be lowercase letters and digits separated by '-' or '_'$"), "mã bước '{1}' chỉ gồm chữ thường và số, ngăn cách bằng '-' hoặc '_'"),
        (R("^action name '(.*)' must be lowercase letters and digits separated by '-' or '_'$"), "tên thao tác '{1}' chỉ gồm chữ thường và số, ngăn cách bằng '-' hoặc '_'"),
        (R("^id '(.*)' must be lowercase letters and digits separated by '-', such as '(.*)'$"), "mã quy trình '{1}' chỉ gồm chữ thường và số, ngăn cách bằng '-', ví dụ '{2}'"),
        (R("^(input|output) name '(.*)' must be letters, digits and '_', not starting with a digit$"), "tên '{2}' chỉ gồm chữ, số và '_', không bắt đầu bằng số"),
        (R("^output '(.*)' must be letters, digits and '_', not starting with a digit$"), "tên '{1}' chỉ gồm chữ, số và '_', không bắt đầu bằng số"),
        (R("^version must be 1 or more, got (.*)$"), "phiên bản phải từ 1 trở lên, đang là {1}"),
        (R("^'(.*)' is not a working time such as (.*)$"), "'{1}' không phải thời gian làm việc hợp lệ, ví dụ {2}"),
        (R("^(.*) must be positive, got '(.*)'$"), "{1} phải lớn hơn 0, đang là '{2}'"),
        (R("^after must not be negative, got '(.*)'$"), "'after' không được âm, đang là '{1}'"),
        (R("^timer '(.*)' needs duration or until, not both$"), "bước hẹn giờ '{1}' chỉ dùng một trong 'duration' hoặc 'until'"),
        (R("^timer '(.*)' needs duration or until$"), "bước hẹn giờ '{1}' cần 'duration' hoặc 'until'"),
        (R("^select field '(.*)' needs options$"), "trường chọn '{1}' cần danh sách lựa chọn"),
        (R("^'(.*)' is not a field of the step's form$"), "'{1}' không phải trường của biểu mẫu bước này"),
        (R("^variable '(.*)' is not defined .*$"), "biến '{1}' chưa được khai báo (khai báo trong inputs, trường biểu mẫu, 'set' hoặc kết quả của bộ xử lý)"),
        (R("^automatic step '(.*)' does nothing: give it set, emit or handler$"), "bước tự động '{1}' không làm gì: cần 'set', 'emit' hoặc 'handler'"),
        (R("^'(.*)' does not apply to a (.*) step$"), "'{1}' không dùng cho bước loại {2}"),
        (R("^'(.*)' applies only to '(.*)', not to '(.*)'$"), "'{1}' chỉ dùng cho '{2}', không dùng cho '{3}'"),
        (R("^'escalate' needs a role or a unit to hand the work to$"), "'escalate' cần vai trò hoặc đơn vị nhận việc"),
        (R("^'outputs' needs a handler: only a handler sets them$"), "'outputs' cần 'handler': chỉ bộ xử lý mới đặt được kết quả"),
        (R("^branch '(.*)' needs a budget: .*$"), "nhánh '{1}' cần thời hạn: quy tắc quá hạn tính từ hạn của nhánh"),
        (R("^longest path (.*) takes (.*), above the legal limit (.*)$"), "đường dài nhất {1} mất {2}, vượt thời hạn luật định {3}"),
        (R("^expected a mapping, got (.*)$"), "cần một bảng thuộc tính (mapping), đang là {1}"),
        (R("^expected a list, got (.*)$"), "cần một danh sách, đang là {1}"),
        (R("^expected text, got (.*)$"), "cần văn bản, đang là {1}"),
        (R("^expected a whole number, got '(.*)'$"), "cần số nguyên, đang là '{1}'"),
        (R("^expected a number, got '(.*)'$"), "cần một số, đang là '{1}'"),
        (R("^expected true or false, got (.*)$"), "cần true hoặc false, đang là {1}"),
        (R("^'(.*)' is not a variable name such as dueAt$"), "'{1}' không phải tên biến, ví dụ dueAt"),
        (R("^'(.*)' is not a variable reference such as .*$"), "'{1}' không phải tham chiếu biến, ví dụ $name hoặc ${name}"),
    ];

    private static readonly Dictionary<string, string> Missing = new(StringComparer.Ordinal)
    {
        ["id"] = "mã quy trình", ["title"] = "tiêu đề", ["role"] = "vai trò", ["budget"] = "thời hạn của bước", ["outcome"] = "kết quả của bước kết thúc",
        ["join"] = "bước hợp nhánh", ["start step"] = "bước bắt đầu của nhánh", ["step id"] = "mã bước", ["action name"] = "tên thao tác",
        ["branch name"] = "tên nhánh", ["field name"] = "tên trường", ["input name"] = "tên dữ liệu đầu vào", ["message type"] = "loại thông điệp",
        ["target step"] = "bước đích",
    };

    /// <summary>The problem's message in the UI's language.</summary>
    public static string Message(DefinitionProblem problem) => UiServices.IsEnglish ? problem.Message : Vietnamese(problem.Message);

    public static string Vietnamese(string message)
    {
        // "…, outside the branch: …" wraps another message: say the inner one, then the reason.
        if (OutsideBranch().Match(message) is { Success: true } outside)
            return $"{Vietnamese(outside.Groups[1].Value)}, ra ngoài nhánh: một nhánh kết thúc ở bước hợp nhánh '{outside.Groups[2].Value}' hoặc ở bước kết thúc";
        if (message.StartsWith("missing ", StringComparison.Ordinal) && !message.Contains(':', StringComparison.Ordinal))
            return "thiếu " + (Missing.TryGetValue(message["missing ".Length..], out var what) ? what : $"thuộc tính '{message["missing ".Length..]}'");
        foreach (var (pattern, vietnamese) in Shapes)
            if (pattern.Match(message) is { Success: true } m)
                return Regex.Replace(vietnamese, @"\{(\d)\}", g => m.Groups[int.Parse(g.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Value);
        return message;
    }

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex("^(.*), outside the branch: a branch ends at join '(.*)' or an end step$")]
    private static partial Regex OutsideBranch();
}

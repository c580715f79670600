using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Catalogue;

/// <summary>
/// What makes a procedure's list of documents acceptable: at least one, each named (at most 500 characters and a template
/// name of at most 300), handed in at least once and in a known form. Every problem is returned, each naming its field
/// (<c>documents[2].copies</c>), so a form shows them all at once; the use cases take the first.
/// </summary>
public static class DocumentRules
{
    public static IReadOnlyList<DomainError> Check(IReadOnlyList<DocumentDraft>? documents)
    {
        if (documents is null || documents.Count == 0)
            return [DomainError.Invalid("documents", "no-documents", "Thủ tục phải có thành phần hồ sơ.", "A procedure lists at least one document.")];
        var problems = new List<DomainError>();
        for (var i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            if (FieldRules.Required($"documents[{i}].name", doc.Name, 500, "tên giấy tờ") is { } noName) problems.Add(noName);
            if (doc.Copies < 1)
                problems.Add(DomainError.Invalid($"documents[{i}].copies", "bad-copies", "Số bản phải từ 1 trở lên.", "Copies must be at least 1."));
            if (!Enum.IsDefined(doc.Form))
                problems.Add(DomainError.Invalid($"documents[{i}].form", "bad-form", "Hình thức giấy tờ không hợp lệ.", "Unknown document form."));
            if (doc.TemplateName?.Trim().Length > 300)
                problems.Add(DomainError.Invalid($"documents[{i}].templateName", "too-long", "Tên mẫu dài quá 300 ký tự.", "The template name is longer than 300 characters."));
        }
        return problems;
    }
}

namespace Api.Ui;

/// <summary>Marker for the texts of responsibility (phân quyền phụ trách) and direction (chỉ đạo): <c>ChargeText.resx</c> Vietnamese, <c>ChargeText.en.resx</c> English.</summary>
public sealed class ChargeText;

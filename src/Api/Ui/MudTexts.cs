using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Api.Ui;

/// <summary>
/// MudBlazor's own texts (the "Required" of an empty required field, the pager's and dialogs' buttons read by screen readers) in
/// Vietnamese; in English MudBlazor's defaults stand.
/// </summary>
public sealed class MudTexts : MudLocalizer
{
    private static readonly Dictionary<string, string> Vietnamese = new(StringComparer.Ordinal)
    {
        ["MudFormComponent_Required"] = "Vui lòng nhập ô này.",
        ["Converter_InvalidNumber"] = "Không phải số hợp lệ.",
        ["Converter_InvalidDateTime"] = "Không phải ngày giờ hợp lệ.",
        ["Converter_InvalidTimeSpan"] = "Không phải thời lượng hợp lệ.",
        ["Converter_InvalidBoolean"] = "Giá trị không hợp lệ.",
        ["Converter_InvalidGUID"] = "Mã không hợp lệ.",
        ["Converter_ConversionFailed"] = "Giá trị không hợp lệ.",
        ["MudAlert_Close"] = "Đóng", ["MudChip_Close"] = "Xóa", ["MudDialog_Close"] = "Đóng", ["MudSnackbar_Close"] = "Đóng",
        ["MudInput_Clear"] = "Xóa", ["MudInput_Increment"] = "Tăng", ["MudInput_Decrement"] = "Giảm",
        ["MudNavGroup_ToggleExpand"] = "Mở hoặc thu gọn {0}",
        ["MudPagination_FirstPage"] = "Trang đầu", ["MudPagination_LastPage"] = "Trang cuối", ["MudPagination_NextPage"] = "Trang sau",
        ["MudPagination_PreviousPage"] = "Trang trước", ["MudPagination_CurrentPage"] = "Trang {0}, đang xem", ["MudPagination_PageIndex"] = "Trang {0}",
        ["MudTablePager_FirstPage"] = "Trang đầu", ["MudTablePager_LastPage"] = "Trang cuối", ["MudTablePager_NextPage"] = "Trang sau",
        ["MudTablePager_PreviousPage"] = "Trang trước", ["MudTable_Loading"] = "Đang tải…", ["MudDataGrid_Loading"] = "Đang tải…",
        ["MudBaseDatePicker_Open"] = "Mở lịch", ["MudBaseDatePicker_NextMonth"] = "Tháng sau {0}", ["MudBaseDatePicker_PrevMonth"] = "Tháng trước {0}",
        ["MudBaseDatePicker_NextYear"] = "Năm sau {0}", ["MudBaseDatePicker_PrevYear"] = "Năm trước {0}", ["MudTimePicker_Open"] = "Mở chọn giờ",
        ["MudSelect_SelectAll"] = "Chọn tất cả",
        ["MudTabs_ScrollLeft"] = "Cuộn sang trái", ["MudTabs_ScrollRight"] = "Cuộn sang phải",
        ["MudTabs_ScrollUp"] = "Cuộn lên", ["MudTabs_ScrollDown"] = "Cuộn xuống",
    };

    public override LocalizedString this[string key] =>
        !UiServices.IsEnglish && Vietnamese.TryGetValue(key, out var text) ? new LocalizedString(key, text) : base[key];
}

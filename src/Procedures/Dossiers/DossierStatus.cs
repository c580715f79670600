namespace Procedures.Dossiers;

/// <summary>
/// Dossier status, numbered as the national public-service portal's status codes 1–10 so the mapping
/// is the enum value itself.
/// </summary>
public enum DossierStatus
{
    /// <summary>1 mới đăng ký: submitted online, not yet checked.</summary>
    Registered = 1,
    /// <summary>2 được tiếp nhận: received with a receipt and appointment.</summary>
    Accepted = 2,
    /// <summary>3 không được tiếp nhận: refused at reception.</summary>
    NotAccepted = 3,
    /// <summary>4 đang xử lý.</summary>
    Processing = 4,
    /// <summary>5 yêu cầu bổ sung.</summary>
    SupplementRequested = 5,
    /// <summary>6 thực hiện nghĩa vụ tài chính.</summary>
    FinancialObligation = 6,
    /// <summary>7 công dân yêu cầu rút hồ sơ.</summary>
    Withdrawn = 7,
    /// <summary>8 dừng xử lý: refused during processing.</summary>
    Stopped = 8,
    /// <summary>9 đã xử lý xong: result ready to return.</summary>
    Finished = 9,
    /// <summary>10 đã trả kết quả.</summary>
    Returned = 10,
}

public static class DossierStatusNames
{
    public static string Vietnamese(this DossierStatus status) => status switch
    {
        DossierStatus.Registered => "Mới đăng ký",
        DossierStatus.Accepted => "Được tiếp nhận",
        DossierStatus.NotAccepted => "Không được tiếp nhận",
        DossierStatus.Processing => "Đang xử lý",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung",
        DossierStatus.FinancialObligation => "Thực hiện nghĩa vụ tài chính",
        DossierStatus.Withdrawn => "Công dân yêu cầu rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Finished => "Đã xử lý xong",
        DossierStatus.Returned => "Đã trả kết quả",
        _ => status.ToString(),
    };

    public static string English(this DossierStatus status) => status switch
    {
        DossierStatus.NotAccepted => "Not accepted",
        DossierStatus.SupplementRequested => "Supplement requested",
        DossierStatus.FinancialObligation => "Financial obligation",
        _ => status.ToString(),
    };
}

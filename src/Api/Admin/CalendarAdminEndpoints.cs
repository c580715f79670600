using Api.Audit;
using Procedures.Calendar;

namespace Api.Admin;

/// <summary>The working-day calendar: a year as computed and overridden, and the government's yearly swaps (system administrators, per the domain).</summary>
public static class CalendarAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var calendar = admin.MapGroup("/calendar").WithTags("Admin: calendar");
        calendar.MapGet("/{year:int}", (int year, HttpContext http, CalendarYearQuery q) => AdminActor.RunAsync(http, _ => q.HandleAsync(new ListCalendarYear(year), http.RequestAborted)))
            .WithName("CalendarYear").WithSummary("Lịch làm việc của một năm (ngày lễ, ngày nghỉ bù, làm bù)").AdminProblems();
        calendar.MapPost("/overrides", (AddCalendarOverride r, HttpContext http, AddCalendarOverrideHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("calendar.override.add", "calendar").WithName("AddCalendarOverride").WithSummary("Thêm ngày nghỉ hoặc ngày làm bù").AdminProblems();
        calendar.MapDelete("/overrides/{id:guid}", (Guid id, HttpContext http, RemoveCalendarOverrideHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new RemoveCalendarOverride(id), http.RequestAborted)))
            .Audited("calendar.override.remove", "calendar").WithName("RemoveCalendarOverride").WithSummary("Xóa ngày điều chỉnh").AdminProblems();
        calendar.MapGet("/rules", (HttpContext http, CalendarRulesQuery q) => AdminActor.RunAsync(http, a => q.HandleAsync(a, http.RequestAborted)))
            .WithName("CalendarRules").WithSummary("Quy tắc lịch của tỉnh: giờ chốt nhận hồ sơ, Ngày Văn hóa Việt Nam").AdminProblems();
        calendar.MapPut("/rules", (UpdateCalendarRules r, HttpContext http, UpdateCalendarRulesHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("calendar.rules.update", "calendar").WithName("UpdateCalendarRules").WithSummary("Đổi giờ chốt nhận hồ sơ hoặc năm bắt đầu Ngày Văn hóa Việt Nam").AdminProblems();
    }
}

using Api.Accounts;
using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Admin;

public sealed record UpdateUnitRequest(string Name, string? NameEn = null, string? Address = null, string? Phone = null, string? Email = null, string? OfficeHours = null);
public sealed record MoveUnitRequest(Guid NewParentId);
public sealed record EndRequest(DateOnly EffectiveTo);
public sealed record UpdateOfficialRequest(string FullName, string? Position = null, string? Email = null, string? Phone = null);
public sealed record MembershipRequest(Guid UnitId, IReadOnlyList<Role> Roles, DateOnly? EffectiveFrom = null);
public sealed record DelegateRequest(Guid UnitId);
public sealed record EndMembershipRequest(DateOnly? EffectiveTo = null);
public sealed record SetPasswordRequest(string NewPassword);

/// <summary>A new official and their sign-in account, with the initial password the admin hands over.</summary>
public sealed record CreateOfficialRequest(string UserName, string FullName, Guid UnitId, IReadOnlyList<Role> Roles, string InitialPassword,
    string? Position = null, string? Email = null, string? Phone = null, DateOnly? EffectiveFrom = null);

/// <summary>Units and officials: a unit admin within their subtree, a system admin everywhere (the domain decides, NotFound outside the branch).</summary>
public static class OrganisationAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var units = admin.MapGroup("/units").WithTags("Admin: units");
        units.MapGet("/{id:guid}/tree", (Guid id, HttpContext http, UnitTreeQuery q, DateOnly? on) => AdminActor.RunAsync(http, a => q.HandleAsync(a, new ListUnitTree(id, on), http.RequestAborted)))
            .WithName("UnitTree").WithSummary("Cây đơn vị").AdminProblems();
        units.MapPost("/", (CreateUnit r, HttpContext http, CreateUnitHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("unit.create", "unit").WithName("CreateUnit").WithSummary("Thêm đơn vị").AdminProblems();
        units.MapPut("/{id:guid}", (Guid id, UpdateUnitRequest r, HttpContext http, UpdateUnitHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new UpdateUnit(id, r.Name, r.NameEn, r.Address, r.Phone, r.Email, r.OfficeHours), http.RequestAborted)))
            .Audited("unit.update", "unit").WithName("UpdateUnit").WithSummary("Sửa thông tin đơn vị").AdminProblems();
        units.MapPost("/{id:guid}/move", (Guid id, MoveUnitRequest r, HttpContext http, MoveUnitHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new MoveUnit(id, r.NewParentId), http.RequestAborted)))
            .Audited("unit.move", "unit").WithName("MoveUnit").WithSummary("Chuyển đơn vị sang đơn vị cấp trên khác").AdminProblems();
        units.MapPost("/{id:guid}/end", (Guid id, EndRequest r, HttpContext http, EndUnitHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new EndUnit(id, r.EffectiveTo), http.RequestAborted)))
            .Audited("unit.end", "unit").WithName("EndUnit").WithSummary("Chấm dứt hoạt động của đơn vị").AdminProblems();
        units.MapGet("/{id:guid}/officials", (Guid id, HttpContext http, UnitOfficialsQuery q, DateOnly? on, bool includeInactive = false) =>
                AdminActor.RunAsync(http, a => q.HandleAsync(a, new ListUnitOfficials(id, on, includeInactive), http.RequestAborted)))
            .Audited("unit.officials.read", "unit").WithName("UnitOfficials").WithSummary("Cán bộ của đơn vị").AdminProblems();
        units.MapGet("/{id:guid}/officials/page", (Guid id, HttpContext http, UnitOfficialsQuery q, string? text = null, bool includeInactive = false,
                UnitOfficialSort sort = UnitOfficialSort.Seniority, bool descending = false, int page = 1, int pageSize = 25, DateOnly? on = null) =>
                AdminActor.RunAsync(http, a => q.PageAsync(a, new PageUnitOfficials(id, text, includeInactive, sort, descending, page, pageSize, on), http.RequestAborted)))
            .Audited("unit.officials.read", "unit").WithName("UnitOfficialsPage")
            .WithSummary("Cán bộ của đơn vị, theo trang (lọc theo tên, sắp xếp theo chức vụ, họ tên hoặc tên đăng nhập)").AdminProblems();
        admin.MapGet("/unit-types", (UnitTypesQuery q, CancellationToken ct) => q.ListAsync(ct)).WithTags("Admin: units").WithName("UnitTypes").WithSummary("Loại đơn vị");
        admin.MapPut("/unit-types/{code}", (string code, SaveUnitType r, HttpContext http, SaveUnitTypeHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, r with { Code = code }, http.RequestAborted)))
            .Audited("unit-type.save", "unit-type").WithTags("Admin: units").WithName("SaveUnitType").WithSummary("Lưu loại đơn vị").AdminProblems();

        var officials = admin.MapGroup("/officials").WithTags("Admin: officials");
        officials.MapPost("/", CreateOfficialAsync).Validates<CreateOfficialRequest>().Audited("official.create", "official")
            .WithName("CreateOfficial").WithSummary("Thêm cán bộ và tài khoản đăng nhập").AdminProblems();
        officials.MapPut("/{id:guid}", (Guid id, UpdateOfficialRequest r, HttpContext http, UpdateOfficialHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new UpdateOfficial(id, r.FullName, r.Position, r.Email, r.Phone), http.RequestAborted)))
            .Audited("official.update", "official").WithName("UpdateOfficial").WithSummary("Sửa thông tin cán bộ").AdminProblems();
        officials.MapPost("/{id:guid}/deactivate", DeactivateAsync).Audited("official.deactivate", "official")
            .WithName("DeactivateOfficial").WithSummary("Vô hiệu hóa cán bộ (khóa tài khoản)").AdminProblems();
        officials.MapPost("/{id:guid}/memberships", (Guid id, MembershipRequest r, HttpContext http, AddMembershipHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new AddMembership(id, r.UnitId, r.Roles, r.EffectiveFrom), http.RequestAborted)))
            .Audited("official.membership.add", "official").WithName("AddMembership").WithSummary("Phân quyền sử dụng: thêm vai trò tại đơn vị").AdminProblems();
        officials.MapPost("/{id:guid}/unit-admin", (Guid id, DelegateRequest r, HttpContext http, DelegateUnitAdminHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new DelegateUnitAdmin(id, r.UnitId), http.RequestAborted)))
            .Audited("official.delegate", "official").WithName("DelegateUnitAdmin").WithSummary("Phân quyền quản trị đơn vị trực thuộc").AdminProblems();
        officials.MapPost("/{id:guid}/password", SetPasswordAsync).Validates<SetPasswordRequest>().Audited("official.password-reset", "official")
            .WithName("ResetOfficialPassword").WithSummary("Đặt lại mật khẩu và mở khóa tài khoản cán bộ").AdminProblems();
        admin.MapPost("/memberships/{id:guid}/end", (Guid id, EndMembershipRequest r, HttpContext http, EndMembershipHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new EndMembership(id, r.EffectiveTo), http.RequestAborted)))
            .Audited("membership.end", "membership").WithTags("Admin: officials").WithName("EndMembership").WithSummary("Chấm dứt vai trò tại đơn vị").AdminProblems();

        var competence = admin.MapGroup("/competences").WithTags("Admin: competence");
        competence.MapPost("/", (BindCompetence r, HttpContext http, BindCompetenceHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("competence.bind", "competence").WithName("BindCompetence").WithSummary("Giao thẩm quyền giải quyết thủ tục cho đơn vị").AdminProblems();
        competence.MapPost("/{id:guid}/end", (Guid id, EndRequest r, HttpContext http, EndCompetenceHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new EndCompetence(id, r.EffectiveTo), http.RequestAborted)))
            .Audited("competence.end", "competence").WithName("EndCompetence").WithSummary("Chấm dứt thẩm quyền").AdminProblems();
    }

    private static async Task<Results<Ok<OfficialView>, ProblemHttpResult>> CreateOfficialAsync(CreateOfficialRequest r, HttpContext http,
        CreateOfficialHandler handler, OfficialAccounts accounts)
    {
        var account = accounts.NewAccount(r.UserName, r.FullName, r.Email);
        if (await accounts.WeakPasswordAsync(account, r.InitialPassword) is { } weak) return Problem.FromIdentity(http, weak, "initialPassword");
        if (await accounts.UserNameTakenAsync(account))
            return Problem.Make(http, 409, "user-name-taken", Language.Pick(http, "Tên đăng nhập đã được dùng.", "The user name is taken."), "userName");
        var result = await AdminActor.RunAsync(http, a => handler.HandleAsync(a, new CreateOfficial(r.UserName, r.FullName, r.UnitId, r.Roles, r.Position, r.Email, r.Phone, r.EffectiveFrom), http.RequestAborted));
        if (result.Result is not Ok<OfficialView> created) return result;
        var made = await accounts.CreateAsync(account, r.InitialPassword);
        if (!made.Succeeded) return Problem.FromIdentity(http, made, "userName");
        http.AuditResource(created.Value!.Id);
        return result;
    }

    private static async Task<Results<Ok<OfficialView>, ProblemHttpResult>> DeactivateAsync(Guid id, HttpContext http, DeactivateOfficialHandler handler, OfficialAccounts accounts)
    {
        var result = await AdminActor.RunAsync(http, a => handler.HandleAsync(a, new DeactivateOfficial(id), http.RequestAborted));
        if (result.Result is Ok<OfficialView> done) await accounts.LockAsync(done.Value!);
        return result;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetPasswordAsync(Guid id, SetPasswordRequest r, HttpContext http, ProceduresDb db, UserManager<Account> users,
        TimeProvider clock, SessionRevocations sessions)
    {
        var acting = await AdminActor.ActingAsync(http);
        if (acting.Error is { } notOfficial) return Problem.From(http, notOfficial);
        // The domain's rule of official management: an admin of every unit the official belongs to today.
        var managed = await OfficialAccess.ManagedAsync(db, acting.Value!, id, Procedures.Common.VietnamTime.DateOf(clock.GetUtcNow()), http.RequestAborted);
        if (managed.Error is { } denied) return Problem.From(http, denied);
        var account = await users.FindByNameAsync(managed.Value!.UserName);
        if (account is null) return Problem.NotFound(http, "account", "tài khoản");
        await users.RemovePasswordAsync(account);
        var set = await users.AddPasswordAsync(account, r.NewPassword);
        if (!set.Succeeded) return Problem.FromIdentity(http, set, "newPassword");
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        // Whoever signed in with the old password is out, on every device.
        await sessions.RevokeAllAsync(account.Id, "password-set-by-admin", http.RequestAborted);
        return TypedResults.NoContent();
    }
}

public sealed class CreateOfficialValidator : AbstractValidator<CreateOfficialRequest>
{
    public CreateOfficialValidator()
    {
        RuleFor(x => x.UserName).Required(100, "tên đăng nhập", "The user name");
        RuleFor(x => x.FullName).Required(200, "họ và tên", "The full name");
        RuleFor(x => x.InitialPassword).Required(200, "mật khẩu ban đầu", "The initial password");
        RuleFor(x => x.UnitId).NotEmpty().Says("Thiếu đơn vị.", "The unit is required.");
    }
}

public sealed class SetPasswordValidator : AbstractValidator<SetPasswordRequest>
{
    public SetPasswordValidator() => RuleFor(x => x.NewPassword).Required(200, "mật khẩu mới", "The new password");
}

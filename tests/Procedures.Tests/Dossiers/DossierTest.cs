using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// Dossier tests: the test organisation and definitions are in place; every use case runs in its own scope, as
/// a separate request would, and every read is fresh from the database.
/// </summary>
public abstract class DossierTest : ProceduresTest
{
    /// <summary>Vietnam time, the way the clerk reads the clock on the wall.</summary>
    protected static DateTimeOffset Vn(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    protected TestOrg Org { get; private set; } = null!;

    [SetUp]
    public async Task SeedOrganisationAndDefinitions()
    {
        await PublishAsync(TestDefinitions.SixStep);
        await PublishAsync(TestDefinitions.Consultation);
        await PublishAsync(TestDefinitions.SameDay);
        Org = await TestOrg.SeedAsync(Db);
    }

    protected async Task<T> Run<THandler, T>(Func<THandler, Task<T>> call) where THandler : notnull
    {
        await using var scope = NewScope();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>A complete dossier for the 5-day procedure at shop A, every required document handed in.</summary>
    protected ReceiveAtCounter Complete(string actor = TestOrg.ClerkA) => new(actor, Org.ShopA, Org.Business,
        new ApplicantData("Nguyễn Văn An", "001085012345", "0912 345 678", "an@example.vn", "Thôn 1, xã An Phú"),
        [new(Org.Form), new(Org.IdCopy), new(Org.Minutes)]);

    protected Task<DomainResult<ReceptionReceipt>> Receive(ReceiveAtCounter request) =>
        Run<ReceiveDossierHandler, DomainResult<ReceptionReceipt>>(h => h.HandleAsync(request));

    protected async Task<ReceptionReceipt> ReceiveComplete() => (await Receive(Complete())).Ok();

    protected Task<DomainResult<DossierState>> Assign(Guid id, string actor = TestOrg.HeadA, string specialist = TestOrg.SpecialistA) =>
        Run<AssignDossierHandler, DomainResult<DossierState>>(h => h.HandleAsync(new AssignDossier(id, actor, specialist, "Xử lý trong ngày")));

    protected Task<DomainResult<DossierState>> Submit(Guid id, string actor = TestOrg.SpecialistA) =>
        Run<SubmitAppraisalHandler, DomainResult<DossierState>>(h => h.HandleAsync(new SubmitAppraisal(id, actor, "Đủ điều kiện", "Cấp giấy chứng nhận đăng ký hộ kinh doanh")));

    protected Task<DomainResult<DossierState>> Approve(Guid id, string actor = TestOrg.HeadA) =>
        Run<ApproveDossierHandler, DomainResult<DossierState>>(h => h.HandleAsync(new ApproveDossier(id, actor)));

    protected Task<DomainResult<DossierState>> Sign(Guid id, string actor = TestOrg.LeaderA) =>
        Run<SignDossierHandler, DomainResult<DossierState>>(h => h.HandleAsync(new SignDossier(id, actor)));

    protected Task<DomainResult<DossierState>> SendBack(Guid id, string actor, string reason = "Bổ sung căn cứ pháp lý") =>
        Run<SendBackDossierHandler, DomainResult<DossierState>>(h => h.HandleAsync(new SendBackDossier(id, actor, reason)));

    protected Task<DomainResult<DossierState>> Return(Guid id, string actor = TestOrg.ClerkA, Procedures.Catalogue.Channel channel = Procedures.Catalogue.Channel.Counter) =>
        Run<ReturnResultHandler, DomainResult<DossierState>>(h => h.HandleAsync(new ReturnResult(id, actor, channel)));

    protected Task<DomainResult<DossierState>> RequestSupplement(Guid id, string actor = TestOrg.SpecialistA) =>
        Run<RequestSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new RequestSupplement(id, actor, ["Bản sao hợp đồng thuê địa điểm", "Sơ đồ vị trí"], "Thiếu giấy tờ về địa điểm kinh doanh")));

    protected Task<DomainResult<DossierState>> Refuse(Guid id, string actor, string reason = "Ngành nghề kinh doanh bị cấm") =>
        Run<RefuseDossierHandler, DomainResult<DossierState>>(h => h.HandleAsync(new RefuseDossier(id, actor, reason)));

    protected Task<DomainResult<DossierState>> Apologise(Guid id, DateOnly newDate, Guid? delayUnit = null, string actor = TestOrg.LeaderA) =>
        Run<IssueApologyHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new IssueApology(id, actor, "Chờ xác minh thực địa", newDate, delayUnit ?? Org.CommuneA)));

    /// <summary>Takes a received dossier to the point where its result is ready (signed).</summary>
    protected async Task SignOff(Guid id)
    {
        (await Assign(id)).Ok();
        (await Submit(id)).Ok();
        (await Approve(id)).Ok();
        (await Sign(id)).Ok();
    }

    protected async Task<Dossier> Load(Guid id)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<Procedures.Persistence.ProceduresDb>().Dossiers.AsNoTracking()
            .Include(d => d.Documents).SingleAsync(d => d.Id == id);
    }

    protected async Task<List<DossierEvent>> Events(Guid id)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<Procedures.Persistence.ProceduresDb>().DossierEvents.AsNoTracking()
            .Where(e => e.DossierId == id).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The engine instance's status and outcome, e.g. <c>Completed/refused</c>.</summary>
    protected async Task<string> InstanceOutcome(Dossier dossier)
    {
        await using var cmd = DataSource.CreateCommand("SELECT status || '/' || coalesce(outcome, '') FROM engine.instances WHERE id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = dossier.WorkflowInstanceId!.Value });
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Outbox message types written so far (the worker's input), in order.</summary>
    protected async Task<List<string>> OutboxTypes()
    {
        await using var cmd = DataSource.CreateCommand("SELECT type FROM engine.outbox ORDER BY sequence");
        await using var r = await cmd.ExecuteReaderAsync();
        var types = new List<string>();
        while (await r.ReadAsync()) types.Add(r.GetString(0));
        return types;
    }

    /// <summary>A fingerprint of every row a use case could write: counts, and the content of the rows it could change.</summary>
    protected async Task<string> Snapshot()
    {
        await using var cmd = DataSource.CreateCommand("""
            SELECT concat_ws(' | ',
              (SELECT count(*) FROM procedures.dossiers), (SELECT md5(coalesce(string_agg(d::text, ',' ORDER BY id), '')) FROM procedures.dossiers d),
              (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY id), '')) FROM procedures.dossier_documents x),
              (SELECT count(*) FROM procedures.dossier_events), (SELECT coalesce(sum(last), 0) FROM procedures.dossier_code_sequences),
              (SELECT md5(coalesce(string_agg(c::text, ',' ORDER BY id), '')) FROM procedures.consultations c),
              (SELECT md5(coalesce(string_agg(i::text, ',' ORDER BY id), '')) FROM engine.instances i),
              (SELECT md5(coalesce(string_agg(w::text, ',' ORDER BY id), '')) FROM engine.work_items w),
              (SELECT count(*) FROM engine.history), (SELECT count(*) FROM engine.outbox))
            """);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}

internal static class DomainResultAssertions
{
    public static T Ok<T>(this DomainResult<T> result)
    {
        result.Error.ShouldBeNull(result.Error is { } e ? $"{e.Kind} {e.Code} {e.Field}: {e.MessageEn}" : null);
        return result.Value!;
    }

    public static DomainError Fails<T>(this DomainResult<T> result, ErrorKind kind, string? field = null)
    {
        result.Error.ShouldNotBeNull("the use case succeeded");
        result.Error.Kind.ShouldBe(kind, $"{result.Error.Code} {result.Error.Field}: {result.Error.MessageEn}");
        if (field is not null) result.Error.Field.ShouldBe(field, result.Error.MessageEn);
        result.Error.MessageVi.ShouldNotBeNullOrWhiteSpace();
        result.Error.MessageEn.ShouldNotBeNullOrWhiteSpace();
        return result.Error;
    }
}

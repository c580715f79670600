using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Organisation;

/// <summary>
/// A small province for admin tests, written straight to the database:
/// province → department, commune A (one-stop shop, section), commune B (section).
/// </summary>
public abstract class OrganisationTest : ProceduresTest
{
    protected static readonly DateOnly Today = DateOnly.FromDateTime(Tuesday9.DateTime);
    protected static readonly DateOnly July2025 = new(2025, 7, 1);

    protected Unit Province { get; private set; } = null!;
    protected Unit Department { get; private set; } = null!;
    protected Unit CommuneA { get; private set; } = null!;
    protected Unit OneStopA { get; private set; } = null!;
    protected Unit SectionA { get; private set; } = null!;
    protected Unit CommuneB { get; private set; } = null!;
    protected Unit SectionB { get; private set; } = null!;

    protected Actor SystemAdmin { get; private set; } = null!;

    [SetUp]
    public async Task CreateProvince()
    {
        await DefaultUnitTypes.EnsureAsync(Db);
        Province = await AddUnitAsync("000.00.00.H29", "Ủy ban nhân dân tỉnh", DefaultUnitTypes.Province, null);
        Department = await AddUnitAsync("000.00.07.H29", "Sở Tư pháp", DefaultUnitTypes.Department, Province);
        CommuneA = await AddUnitAsync("000.01.31.H29", "Ủy ban nhân dân xã A", DefaultUnitTypes.Commune, Province);
        OneStopA = await AddUnitAsync("001.01.31.H29", "Bộ phận một cửa xã A", DefaultUnitTypes.OneStopShop, CommuneA);
        SectionA = await AddUnitAsync("002.01.31.H29", "Văn phòng xã A", DefaultUnitTypes.Section, CommuneA);
        CommuneB = await AddUnitAsync("000.02.31.H29", "Ủy ban nhân dân xã B", DefaultUnitTypes.Commune, Province);
        SectionB = await AddUnitAsync("002.02.31.H29", "Văn phòng xã B", DefaultUnitTypes.Section, CommuneB);
        SystemAdmin = (await AddOfficialAsync("admin", Province, Role.SystemAdmin)).Actor;
    }

    private readonly List<AsyncServiceScope> _requestScopes = [];

    /// <summary>A handler in its own scope, as each request gets one: no entity tracked by an earlier call leaks in.</summary>
    protected T Handler<T>() where T : notnull
    {
        var scope = NewScope();
        _requestScopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    [TearDown]
    public async Task DisposeRequestScopes()
    {
        foreach (var scope in _requestScopes) await scope.DisposeAsync();
        _requestScopes.Clear();
    }

    protected async Task<Unit> AddUnitAsync(string code, string name, string type, Unit? parent, DateOnly? from = null, DateOnly? to = null)
    {
        var unit = new Unit { Id = Guid.CreateVersion7(), Code = code, Name = name, TypeCode = type, ParentId = parent?.Id, EffectiveFrom = from ?? July2025, EffectiveTo = to };
        unit.Path = $"{parent?.Path ?? "/"}{unit.Id}/";
        Db.Units.Add(unit);
        await Db.SaveChangesAsync();
        return unit;
    }

    /// <summary>An official with one membership, and the actor the directory makes of them.</summary>
    protected async Task<(Official Official, Actor Actor)> AddOfficialAsync(string userName, Unit unit, params Role[] roles)
    {
        var official = new Official { Id = Guid.CreateVersion7(), UserName = userName, FullName = $"Cán bộ {userName}" };
        official.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), OfficialId = official.Id, UnitId = unit.Id, Roles = [.. roles], EffectiveFrom = July2025 });
        Db.Officials.Add(official);
        await Db.SaveChangesAsync();
        return (official, (await ActorAsync(userName))!);
    }

    /// <summary>The actor as a new request would see them: loaded by the directory from a fresh scope.</summary>
    protected async Task<Actor?> ActorAsync(string userName)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<OfficialDirectory>().FindAsync(userName);
    }

    /// <summary>A fresh context, so reads see what was committed rather than what is tracked.</summary>
    protected async Task<TResult> ReadAsync<TResult>(Func<ProceduresDb, Task<TResult>> read)
    {
        await using var scope = NewScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProceduresDb>());
    }

    protected static void ShouldFail<T>(DomainResult<T> result, ErrorKind kind, string? field = null, string? code = null)
    {
        result.Succeeded.ShouldBeFalse($"expected {kind} on {field}, got a value");
        result.Error!.Kind.ShouldBe(kind, result.Error.MessageEn);
        if (field is not null) result.Error.Field.ShouldBe(field);
        if (code is not null) result.Error.Code.ShouldBe(code);
        result.Error.MessageVi.ShouldNotBeNullOrWhiteSpace();
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;
using Tests.Shared;

namespace Api.Tests.Architecture;

/// <summary>
/// The engine is a closed module and the domain knows nothing of HTTP (docs/architecture.md, "Module boundaries"). Each rule
/// runs on our assemblies or sources, and on a known-bad input that it must catch.
/// </summary>
public sealed class When_the_module_boundaries_are_checked
{
    private static readonly Assembly Engine = typeof(global::Engine.Runtime.WorkflowRuntime).Assembly;
    private static readonly Assembly Procedures = typeof(global::Procedures.Dossiers.Dossier).Assembly;
    private static readonly Assembly Worker = typeof(global::Worker.Hosting.DatabaseConnection).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;
    private static readonly Assembly Tests = typeof(When_the_module_boundaries_are_checked).Assembly;

    [Test]
    public void Should_keep_the_engine_free_of_every_other_project_of_ours()
    {
        ArchitectureRules.OurReferencesOf(Engine).ShouldBeEmpty();
        ArchitectureRules.TypesUsing(Types.InAssembly(Engine).ShouldNot(), "Api", "Procedures", "Worker").ShouldBeEmpty();
    }

    [Test]
    public void Should_find_a_reference_to_our_projects_where_there_is_one()
    {
        ArchitectureRules.OurReferencesOf(Tests).ShouldContain("Api");
        ArchitectureRules.TypesUsing(Types.InAssembly(Tests).That().HaveName(nameof(BadResponse)).ShouldNot(), "Api", "Procedures", "Worker")
            .ShouldBe([typeof(BadResponse).FullName!]);
    }

    [Test]
    public void Should_keep_the_engines_database_context_to_the_engine()
    {
        ArchitectureRules.TypesUsing(Types.InAssemblies([Api, Worker, Procedures]).ShouldNot(), ArchitectureRules.EngineDb).ShouldBeEmpty();
        // The same rule on the engine's own query service, which is built on the context: the rule sees the use.
        ArchitectureRules.TypesUsing(Types.InAssembly(Engine).That().HaveName("InstanceQueries").ShouldNot(), ArchitectureRules.EngineDb)
            .ShouldBe(["Engine.Queries.InstanceQueries"]);
    }

    [Test]
    public void Should_keep_sql_on_the_engines_tables_inside_the_engine()
    {
        ArchitectureRules.EngineSqlOutsideTheEngine(ArchitectureRules.Repository()).ShouldBeEmpty();
        ArchitectureRules.EngineSqlIn(BadSource.Text).ShouldHaveSingleItem().ShouldContain("FROM engine.work_items w");
    }

    [Test]
    public void Should_allow_sql_on_the_engines_tables_only_where_listed_with_a_reason()
    {
        foreach (var (path, reason) in ArchitectureRules.EngineSqlAllowed)
        {
            Directory.Exists(Path.Combine(ArchitectureRules.Repository(), path)).ShouldBeTrue($"{path} is allowed but does not exist");
            reason.Length.ShouldBeGreaterThan(20, $"{path} needs a reason");
        }
    }

    [Test]
    public void Should_keep_asp_net_core_out_of_the_domain()
    {
        ArchitectureRules.TypesUsing(Types.InAssembly(Procedures).ShouldNot(), "Microsoft.AspNetCore").ShouldBeEmpty();
        ArchitectureRules.TypesUsing(Types.InAssembly(Tests).That().HaveName(nameof(BadUseCase)).ShouldNot(), "Microsoft.AspNetCore")
            .ShouldBe([typeof(BadUseCase).FullName!]);
    }

    [Test]
    public async Task Should_never_answer_an_endpoint_with_an_entity_of_the_domain()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_architecture"));
        using var client = factory.CreateClient();
        var entities = DomainEntities(factory.Services);
        entities.ShouldContain(typeof(global::Procedures.Dossiers.Dossier));

        var endpoints = factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .Where(e => e.Metadata.GetMetadata<IProducesResponseTypeMetadata>() is not null || e.Metadata.GetMetadata<MethodInfo>() is not null).ToList();
        endpoints.Count.ShouldBeGreaterThan(50, "the API's endpoints were not found");
        var answers = endpoints.SelectMany(e => e.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Select(m => m.Type)
                .Append(e.Metadata.GetMetadata<MethodInfo>()?.ReturnType))
            .OfType<Type>().Distinct().ToList();
        ArchitectureRules.EntitiesIn(answers, entities).ShouldBeEmpty();

        ArchitectureRules.EntitiesIn([typeof(BadResponse)], entities).ShouldBe(["BadResponse.Dossiers<Dossier>: Procedures.Dossiers.Dossier"]);
    }

    private static HashSet<Type> DomainEntities(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<global::Procedures.Persistence.ProceduresDb>().Model.GetEntityTypes()
            .Select(e => e.ClrType).ToHashSet();
    }
}

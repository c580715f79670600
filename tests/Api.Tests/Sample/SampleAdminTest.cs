using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Sample;

/// <summary>
/// A fixture of the shared sample API signed in as its system administrator, for the administrator's desks (workflow repairs,
/// parked messages, parked SLA alerts): a dossier received with its workflow, the database, and the checks of a refusal.
/// </summary>
public abstract class SampleAdminTest
{
    protected SampleApi Api { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsAdmin()
    {
        Api = await SampleApi.InstanceAsync();
        Admin = await Api.As("admin");
    }

    protected NpgsqlDataSource DataSource => Api.Factory.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>A dossier received at the counter for <paramref name="name"/>, and its workflow.</summary>
    protected readonly record struct Received(Guid Dossier, Guid Instance, string Code)
    {
        public void Deconstruct(out Guid dossier, out Guid instance) => (dossier, instance) = (Dossier, Instance);
    }

    protected async Task<Received> DossierAsync(string name, string phone)
    {
        var (dossier, code) = await Dossiers.ReceiveAsync(Api, name, phone);
        return new Received(dossier, await WorkflowIncidents.InstanceOfAsync(Api, dossier), code);
    }

    /// <summary>A problem (RFC 9457) with <paramref name="status"/> and a detail to read.</summary>
    protected static async Task<JsonElement> ShouldRefuseAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.Expect(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    /// <summary>A problem with <paramref name="status"/> naming <paramref name="field"/>.</summary>
    protected static async Task ShouldNameAsync(HttpResponseMessage response, HttpStatusCode status, string field) =>
        (await ShouldRefuseAsync(response, status)).GetProperty("field").GetString().ShouldBe(field);
}

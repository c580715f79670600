using System.Net;
using System.Text.Json;
using Engine.Runtime;
using Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Tests.Shared;

namespace Api.Tests.Sample;

/// <summary>Dossiers whose workflow has an incident, for the operators' tests.</summary>
public static class WorkflowIncidents
{
    public static Task<Guid> InstanceOfAsync(SampleApi api, Guid dossier) =>
        api.Db(db => db.Dossiers.Where(d => d.Id == dossier).Select(d => d.WorkflowInstanceId!.Value).SingleAsync());

    /// <summary>A timer of the instance's whose path is gone fails its last attempt: the incident listed as Open, as JSON.</summary>
    public static async Task<JsonElement> OpenAsync(SampleApi api, Guid instance, string step = "assign")
    {
        var services = api.Factory.Services;
        await BrokenTimers.AddAsync(services.GetRequiredService<NpgsqlDataSource>(), instance, step,
            services.GetRequiredService<IOptions<TimerOptions>>().Value.MaxAttempts);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireDueTimersAsync();
        // The in-process poller may have taken the timer first: wait for its failure to be recorded.
        var admin = await api.As("admin");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await (await admin.GetAsync("/api/v1/admin/incidents?status=Open&take=200")).Expect(HttpStatusCode.OK);
            foreach (var row in page.GetProperty("items").EnumerateArray())
                if (row.GetProperty("incident").GetProperty("instanceId").GetGuid() == instance) return row;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No open incident on {instance}.");
            await Task.Delay(200);
        }
    }
}

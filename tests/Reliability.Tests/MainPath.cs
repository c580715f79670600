using System.Net;
using System.Text.Json;

namespace Reliability.Tests;

/// <summary>
/// One dossier along the main path of household business registration (2.000720) at the Yên Sơn one-stop shop, over HTTP:
/// received at the counter, assigned, appraised, approved, signed, the result returned. A step whose answer was lost (the
/// process died, the database restarted) is not blindly sent again: the client first reads the dossier and counts the step
/// done when its event is there, as a careful client of a non-idempotent API must.
/// </summary>
public sealed class MainPath(ApiCluster api, Guid unitId, Guid procedureId, IReadOnlyList<Guid> documents)
{
    public const string Clerk = "ys.clerk", Head = "ys.economy.section-head", Specialist = "ys.economy.specialist", Leader = "ys.leader";
    public const string EmailDomain = "fault.test";

    public static async Task<MainPath> PrepareAsync(ApiCluster api)
    {
        var catalogue = await ApiCluster.JsonAsync(await api.SendAsync(Clerk, ApiCluster.Get("/api/v1/catalogue/procedures/by-code/2.000720")));
        var me = await ApiCluster.JsonAsync(await api.SendAsync(Clerk, ApiCluster.Get("/api/v1/me")));
        var documents = catalogue.GetProperty("documents").EnumerateArray().Where(d => !d.GetProperty("isOptional").GetBoolean()).Select(d => d.GetProperty("id").GetGuid()).ToList();
        return new MainPath(api, me.GetProperty("units")[0].GetProperty("unitId").GetGuid(), catalogue.GetProperty("id").GetGuid(), documents);
    }

    public static string Phone(int n) => $"09{n:00000000}";

    public async Task RunAsync(int n)
    {
        var id = await ReceiveAsync(n);
        await StepAsync(id, Head, "assignment", new { specialist = Specialist, instructions = "Xử lý" }, "Assigned");
        await StepAsync(id, Specialist, "appraisal", new
        {
            notes = "Đủ điều kiện", draftResult = "Cấp Giấy chứng nhận đăng ký hộ kinh doanh",
            fields = new Dictionary<string, string> { ["registrationNumber"] = $"31A8{n:000000}" },
        }, "Appraised");
        await StepAsync(id, Head, "approval", new { comment = "Đồng ý" }, "Approved");
        await StepAsync(id, Leader, "signature", new { }, "Signed");
        await StepAsync(id, Clerk, "return", new { channel = "Counter" }, "Returned");
    }

    private async Task<Guid> ReceiveAsync(int n)
    {
        var body = new
        {
            receivingUnitId = unitId, procedureId,
            applicant = new { fullName = $"Nguyễn Văn Thử {n}", idNumber = $"0019{n:00000000}", phone = Phone(n), email = $"c{n}@{EmailDomain}", address = "Thôn 1, xã Yên Sơn" },
            documents = documents.Select(d => new { procedureDocumentId = d }).ToArray(),
        };
        for (var attempt = 0; ; attempt++)
        {
            if (await api.TryOnceAsync(Clerk, ApiCluster.Post("/api/v1/dossiers", body)) is { } response)
                return (await ApiCluster.JsonAsync(response)).GetProperty("dossierId").GetGuid();
            Interlocked.Increment(ref api.Counts.Retries);
            await ApiCluster.Backoff(attempt);
            // Reception has no idempotency key: look for the dossier the lost answer may have created before sending again.
            var found = await ApiCluster.JsonAsync(await api.SendAsync(Clerk, ApiCluster.Post("/api/v1/dossiers/search", new { phone = Phone(n) })));
            if (found.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } item)
            {
                Interlocked.Increment(ref api.Counts.ReceptionsFoundBySearch);
                return item.GetProperty("id").GetGuid();
            }
            if (attempt > 40) throw new TimeoutException($"Dossier {n}: reception got no answer after {attempt} attempts");
        }
    }

    private async Task StepAsync(Guid id, string user, string action, object body, string doneEvent)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await api.TryOnceAsync(user, ApiCluster.Post($"/api/v1/dossiers/{id}/{action}", body));
            if (response is { IsSuccessStatusCode: true }) return;
            if (response is not null && (attempt == 0 || response.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity or HttpStatusCode.PreconditionFailed)))
                await ApiCluster.JsonAsync(response); // throws with the answer: a refusal nobody could retry is a failure of the run
            if (response is null)
            {
                Interlocked.Increment(ref api.Counts.Retries);
                await ApiCluster.Backoff(attempt);
            }
            if (await HasEventAsync(id, doneEvent))
            {
                Interlocked.Increment(ref api.Counts.FoundDoneAfterLostAnswer);
                return;
            }
            if (response is not null) await ApiCluster.JsonAsync(response); // refused, and not done before: a real failure
            if (attempt > 40) throw new TimeoutException($"Dossier {id}: {action} got no answer after {attempt} attempts");
        }
    }

    private async Task<bool> HasEventAsync(Guid id, string kind)
    {
        var detail = await ApiCluster.JsonAsync(await api.SendAsync(Leader, ApiCluster.Get($"/api/v1/dossiers/{id}")));
        return detail.GetProperty("dossier").GetProperty("events").EnumerateArray().Any(e => e.GetProperty("kind").GetString() == kind);
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoadGenerator;

/// <summary>One created dossier: id, code and the phone whose last 4 digits track it.</summary>
public sealed record SeededDossier(Guid Id, string Code, string Phone, string Shop);

/// <summary>
/// Creates dossiers through the real reception use case (POST /api/v1/dossiers as the clerks of the two sample
/// communes), in parallel: consistent rows (code sequence, workflow instance, work item, history, outbox) at a few
/// hundred per second. Ids are appended to a file so later runs reuse them.
/// </summary>
public static class Seeder
{
    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
    private static readonly string[] Given = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Long", "Thị Mai", "Hữu Nghĩa", "Thanh Tâm", "Ngọc Yến"];

    public static async Task<List<SeededDossier>> RunAsync(Api api, Options options)
    {
        var clerks = new Dictionary<string, HttpClient> { ["ys"] = await api.SignInAsync("ys.clerk"), ["hy"] = await api.SignInAsync("hy.clerk") };
        var (procedure, documents) = await ProcedureAsync(clerks["ys"]);
        var shops = new Dictionary<string, Guid> { ["ys"] = await MyUnitAsync(clerks["ys"]), ["hy"] = await MyUnitAsync(clerks["hy"]) };

        var created = new List<SeededDossier>(options.Dossiers);
        var next = 0;
        var failures = 0;
        var deadline = Stopwatch.StartNew();
        await using var file = new StreamWriter(options.IdsFile, append: true);
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, options.SeedParallel), async (_, ct) =>
        {
            while (deadline.Elapsed < TimeSpan.FromMinutes(options.SeedMinutes))
            {
                var n = Interlocked.Increment(ref next);
                if (n > options.Dossiers) return;
                var shop = n % 2 == 0 ? "ys" : "hy";
                var phone = $"09{n:00000000}";
                var body = new
                {
                    receivingUnitId = shops[shop], procedureId = procedure,
                    applicant = new { fullName = $"{Surnames[n % Surnames.Length]} {Given[n / 10 % Given.Length]} {n}", idNumber = $"0010{n:00000000}", phone },
                    documents,
                };
                var response = await clerks[shop].PostAsJsonAsync("/api/v1/dossiers", body, ct);
                if (!Api.Succeeded(response)) { Interlocked.Increment(ref failures); continue; }
                var receipt = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                var row = new SeededDossier(receipt.GetProperty("dossierId").GetGuid(), receipt.GetProperty("code").GetString()!, phone, shop);
                lock (created)
                {
                    created.Add(row);
                    file.WriteLine($"{row.Id};{row.Code};{row.Phone};{row.Shop}");
                    if (created.Count % 5000 == 0)
                        Console.WriteLine($"  {created.Count} dossiers, {created.Count / deadline.Elapsed.TotalSeconds:F0}/s, {failures} failed");
                }
            }
        });
        Console.WriteLine($"Seeded {created.Count} dossiers in {deadline.Elapsed.TotalSeconds:F0} s ({created.Count / deadline.Elapsed.TotalSeconds:F0}/s), {failures} failed");
        return created;
    }

    public static List<SeededDossier> Load(string path) => File.Exists(path)
        ? File.ReadLines(path).Select(l => l.Split(';')).Where(p => p.Length == 4)
            .Select(p => new SeededDossier(Guid.Parse(p[0]), p[1], p[2], p[3])).ToList()
        : [];


    /// <summary>The procedure the dossiers are received for (2.000720) and its required documents, as a reception body lists them.</summary>
    public static async Task<(Guid Procedure, object[] Documents)> ProcedureAsync(HttpClient clerk)
    {
        var catalogue = await Api.JsonAsync(await clerk.GetAsync("/api/v1/catalogue/procedures/by-code/2.000720"));
        var documents = catalogue.GetProperty("documents").EnumerateArray().Where(d => !d.GetProperty("isOptional").GetBoolean())
            .Select(d => (object)new { procedureDocumentId = d.GetProperty("id").GetGuid() }).ToArray();
        return (catalogue.GetProperty("id").GetGuid(), documents);
    }

    /// <summary>The clerk's own unit (the one-stop shop), from <c>GET /api/v1/me</c>.</summary>
    public static async Task<Guid> MyUnitAsync(HttpClient client) =>
        (await Api.JsonAsync(await client.GetAsync("/api/v1/me"))).GetProperty("units")[0].GetProperty("unitId").GetGuid();
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoadGenerator;

/// <summary>
/// A long mixed load against one running API process, measured in windows of 30 s: reads (dossier, inbox, search, public
/// tracking), web pages, completed steps and uploads together at a fixed rate; after each window the window's latencies
/// and the server process's memory, open handles and threads (from /proc). Tokens are renewed before they expire. Writes a
/// CSV and prints a table; fails when a window had failed requests or the process went away.
/// </summary>
public static class Soak
{
    private const int WindowSeconds = 30;
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    public static async Task<int> RunAsync(Api api, Options options, IReadOnlyList<SeededDossier> dossiers, int minutes, int pid, string csvPath)
    {
        var yenSon = dossiers.Where(d => d.Shop == "ys").ToArray();
        if (yenSon.Length == 0) throw new InvalidOperationException("The soak needs dossiers of Yên Sơn (run with --dossiers N).");
        var users = new Signed(api);
        var anonymous = api.Anonymous();
        var random = new Random(7);
        SeededDossier Any() { lock (random) return yenSon[random.Next(yenSon.Length)]; }
        var toAssign = new Queue<Guid>(await WaitingAtAssignAsync(await users.ForAsync("ys.economy.section-head")));
        Console.WriteLine($"Soak: {minutes} min at {options.Rate} req/s, windows of {WindowSeconds} s, server process {pid}; {toAssign.Count} dossiers to assign");

        async Task<bool> CallAsync(int n)
        {
            var slot = n % 100;
            if (slot == 0)
            {
                Guid id;
                lock (toAssign) if (!toAssign.TryDequeue(out id)) return true;
                var head = await users.ForAsync("ys.economy.section-head");
                return Api.Succeeded(await head.PostAsJsonAsync($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist", instructions = "Xử lý" }));
            }
            if (slot == 1 && n % 400 == 1)
            {
                var clerk = await users.ForAsync("ys.clerk");
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Pdf);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(file, "file", "to-khai.pdf");
                return Api.Succeeded(await clerk.PostAsync($"/api/v1/dossiers/{Any().Id}/attachments", form));
            }
            return (slot % 8) switch
            {
                0 => Api.Succeeded(await (await users.ForAsync("ys.leader")).GetAsync($"/api/v1/dossiers/{Any().Id}")),
                1 => Api.Succeeded(await (await users.ForAsync("ys.economy.section-head")).GetAsync("/api/v1/inbox/mine?page=1&pageSize=20")),
                2 => Api.Succeeded(await (await users.ForAsync("ys.clerk")).PostAsJsonAsync("/api/v1/dossiers/search", new { code = Any().Code })),
                3 => await TrackAsync(anonymous, Any()),
                4 => Api.Succeeded(await anonymous.GetAsync("/")),
                5 => Api.Succeeded(await anonymous.GetAsync("/thu-tuc")),
                6 => Api.Succeeded(await anonymous.GetAsync("/api/v1/catalogue/procedures")),
                _ => Api.Succeeded(await (await users.ForAsync("ys.leader")).GetAsync("/api/v1/me")),
            };
        }

        await using var csv = new StreamWriter(csvPath);
        await csv.WriteLineAsync("minute,requests,failed,dropped,p50_ms,p99_ms,max_ms,rss_mb,handles,threads");
        Console.WriteLine("| minute | requests | failed | dropped | p50 ms | p99 ms | max ms | RSS MB | handles | threads |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var clock = Stopwatch.StartNew();
        var failedWindows = 0;
        for (var window = 0; clock.Elapsed < TimeSpan.FromMinutes(minutes); window++)
        {
            var result = await Scenario.RunAsync($"window {window}", options.Rate, WindowSeconds, options.Concurrency, CallAsync);
            var process = ProcessFigures.Of(pid);
            if (process is null)
            {
                Console.WriteLine($"The server process {pid} is gone after {clock.Elapsed.TotalMinutes:F1} min.");
                return 1;
            }
            if (result.Failed > 0) failedWindows++;
            var minute = clock.Elapsed.TotalMinutes;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{minute:F1},{result.Sent},{result.Failed},{result.Dropped},{result.P50:F1},{result.P99:F1},{result.Max:F1},{process.Value.RssMb:F0},{process.Value.Handles},{process.Value.Threads}");
            await csv.WriteLineAsync(line);
            await csv.FlushAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {minute:F1} | {result.Sent} | {result.Failed} | {result.Dropped} | {result.P50:F1} | {result.P99:F1} | {result.Max:F1} | {process.Value.RssMb:F0} | {process.Value.Handles} | {process.Value.Threads} |"));
        }
        Console.WriteLine($"{failedWindows} window(s) with failed requests; CSV in {csvPath}");
        return failedWindows == 0 ? 0 : 1;
    }

    private static async Task<bool> TrackAsync(HttpClient anonymous, SeededDossier d) =>
        Api.Succeeded(await anonymous.PostAsJsonAsync("/api/v1/public/tracking", new { code = d.Code, secondFactor = d.Phone[^4..] }));

    private static async Task<List<Guid>> WaitingAtAssignAsync(HttpClient head)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var items = (await head.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/mine?page={page}&pageSize=200")).GetProperty("items");
            if (items.GetArrayLength() == 0) return ids;
            ids.AddRange(items.EnumerateArray().Where(i => i.GetProperty("stepId").GetString() == "assign").Select(i => i.GetProperty("dossierId").GetGuid()));
        }
    }

    /// <summary>Signed-in clients per user, signed in again before their 15-minute access token runs out.</summary>
    private sealed class Signed(Api api)
    {
        private readonly Dictionary<string, (HttpClient Client, DateTime At)> _clients = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task<HttpClient> ForAsync(string user)
        {
            await _gate.WaitAsync();
            try
            {
                if (_clients.TryGetValue(user, out var held) && DateTime.UtcNow - held.At < TimeSpan.FromMinutes(10)) return held.Client;
                var client = await api.SignInAsync(user);
                _clients[user] = (client, DateTime.UtcNow);
                return client;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}

/// <summary>Memory, open file handles and threads of a process, read from /proc (Linux).</summary>
public readonly record struct ProcessFigures(double RssMb, int Handles, int Threads)
{
    public static ProcessFigures? Of(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return null;
        try
        {
            var lines = File.ReadAllLines(status);
            long Kb(string key) => long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return new ProcessFigures(Kb("VmRSS") / 1024.0, Directory.GetFiles($"/proc/{pid}/fd").Length, (int)Kb("Threads"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }
}

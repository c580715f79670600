using System.Text.Json;
using Npgsql;
using Worker.Sla;

namespace Worker.Tests.Sla;

/// <summary>The sweep's reads must stay on the partial indexes of open rows, whatever the number of closed ones.</summary>
public sealed class When_the_sweep_reads_open_work : SlaTest
{
    [SetUp]
    public async Task ManyClosedRows()
    {
        await OpenWorkItemAsync();
        await ExecuteAsync("""
            WITH i AS (SELECT instance_id FROM engine.work_items LIMIT 1)
            INSERT INTO engine.work_items (id, instance_id, token_id, definition_id, step_id, role, status, created_at, due_at, revision)
            SELECT gen_random_uuid(), i.instance_id, gen_random_uuid(), 'sla-check', 'appraise', 'specialist',
                   CASE WHEN g % 100 = 0 THEN 'Open' ELSE 'Completed' END, now() - interval '3 days', now() + (g % 500) * interval '1 hour', 0
            FROM i, generate_series(1, 30000) g
            """);
        await ExecuteAsync("ANALYZE engine.work_items");
    }

    [Test]
    public async Task Should_read_work_items_through_the_partial_index_of_open_work() =>
        (await IndexUsedOnAsync(SlaCandidates.WorkItemsSql, "work_items", forbidSeqScan: false)).ShouldEndWith("WHERE ((status)::text = 'Open'::text)");

    [Test]
    public async Task Should_read_dossiers_through_the_partial_index_of_open_dossiers() =>
        (await IndexUsedOnAsync(SlaCandidates.DossiersSql, "dossiers", forbidSeqScan: true)).ShouldContain("WHERE ((status)::text = ANY");

    /// <summary>The definition of the index the plan scans <paramref name="table"/> with.</summary>
    private async Task<string> IndexUsedOnAsync(string sql, string table, bool forbidSeqScan)
    {
        var scan = (await PlanAsync(sql, forbidSeqScan)).FirstOrDefault(s => s.Contains($" on {table} using ", StringComparison.Ordinal));
        scan.ShouldNotBeNull();
        scan.ShouldStartWith("Index");
        return await Scalar<string>("SELECT indexdef FROM pg_indexes WHERE indexname = $1", scan[(scan.LastIndexOf(' ') + 1)..]);
    }

    private async Task<List<string>> PlanAsync(string sql, bool forbidSeqScan)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        // A near-empty dossiers table is rightly scanned whole; forbidding that shows which index can serve the query.
        if (forbidSeqScan)
            await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, conn);
        SlaCandidates.Bind(explain, Clock.GetUtcNow().AddDays(1), (SlaCandidates.Start, Guid.Empty), 500);
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        var scans = new List<string>();
        Collect(plan.RootElement, scans);
        return scans;
    }

    /// <summary>Every scan of the plan as "node type on relation using index".</summary>
    private static void Collect(JsonElement node, List<string> scans)
    {
        if (node.ValueKind == JsonValueKind.Array)
            foreach (var child in node.EnumerateArray()) Collect(child, scans);
        if (node.ValueKind != JsonValueKind.Object) return;
        if (node.TryGetProperty("Relation Name", out var relation))
            scans.Add($"{node.GetProperty("Node Type").GetString()} on {relation.GetString()} using {(node.TryGetProperty("Index Name", out var index) ? index.GetString() : "-")}");
        foreach (var property in node.EnumerateObject())
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Collect(property.Value, scans);
    }
}

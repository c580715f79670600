using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Procedures.Calendar;
using Procedures.Persistence;
using Procedures.Statistics;

namespace Generator;

/// <summary>Seeds the provinces and COPYs the dossiers and their assignment events in, then rebuilds the statistics.</summary>
internal static class Load
{
    /// <summary>The load's "now": dossiers whose result would come later are still open. Fixed, so every run loads the same rows.</summary>
    public static readonly DateTimeOffset Reference = new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public static async Task RunAsync(IServiceProvider services, GeneratorOptions options)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        if (await db.Dossiers.AnyAsync())
        {
            Console.WriteLine($"load: {await db.Dossiers.CountAsync()} dossiers already there; skipping the load");
            return;
        }
        var watch = Stopwatch.StartNew();
        var rng = new Random(options.Seed);
        var org = await SampleProvinces.SeedAsync(db, rng);
        var calendar = services.GetRequiredService<CalendarProvider>().Current;
        var source = new SampleDossiers(org, calendar, rng, Reference);
        var dossiers = Enumerable.Range(1, options.Dossiers).Select(source.Next);

        await using (var conn = await dataSource.OpenConnectionAsync())
        {
            await using var copy = await conn.BeginBinaryImportAsync("""
                COPY procedures.dossiers (id, code, procedure_id, receiving_unit_id, processing_unit_id, channel, applicant_name, status,
                    submitted_at, received_at, received_by, clock_started_at, appointment_at, original_appointment_at, supplement_requested_at,
                    missing_items, supplement_count, apology_at, delay_unit_id, finished_at, result, fee_amount, revision, created_at, updated_at)
                FROM STDIN (FORMAT BINARY)
                """);
            var events = new List<(Guid, DateTimeOffset, string)>(options.Dossiers);
            foreach (var d in dossiers)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(d.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(d.Code, NpgsqlDbType.Varchar);
                await copy.WriteAsync(d.ProcedureId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(d.UnitId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(d.UnitId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(d.Channel.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync("Công dân mẫu", NpgsqlDbType.Varchar);
                await copy.WriteAsync(d.Status.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(d.ReceivedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(d.ReceivedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(d.Clerk, NpgsqlDbType.Varchar);
                await Time(copy, d.ClockStartedAt);
                await Time(copy, d.AppointmentAt);
                await Time(copy, d.OriginalAppointmentAt);
                await Time(copy, d.SupplementRequestedAt);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(d.SupplementRequestedAt is null ? 0 : 1, NpgsqlDbType.Integer);
                await Time(copy, d.ApologyAt);
                if (d.DelayUnitId is { } delay) await copy.WriteAsync(delay, NpgsqlDbType.Uuid); else await copy.WriteNullAsync();
                await Time(copy, d.FinishedAt);
                if (d.Result is { } result) await copy.WriteAsync(result.ToString(), NpgsqlDbType.Varchar); else await copy.WriteNullAsync();
                await copy.WriteAsync(d.Fee, NpgsqlDbType.Numeric);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(d.ReceivedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(d.FinishedAt ?? d.ReceivedAt, NpgsqlDbType.TimestampTz);
                if (d.Specialist is { } specialist) events.Add((d.Id, d.ReceivedAt.AddMinutes(30), specialist));
            }
            await copy.CompleteAsync();
            await copy.DisposeAsync();
            Console.WriteLine($"load: {options.Dossiers:N0} dossiers copied in {watch.Elapsed.TotalSeconds:F0} s");
            await using var eventCopy = await conn.BeginBinaryImportAsync(
                "COPY procedures.dossier_events (dossier_id, at, kind, actor, actor_name, receiver) FROM STDIN (FORMAT BINARY)");
            foreach (var (dossier, at, receiver) in events)
            {
                await eventCopy.StartRowAsync();
                await eventCopy.WriteAsync(dossier, NpgsqlDbType.Uuid);
                await eventCopy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await eventCopy.WriteAsync("Assigned", NpgsqlDbType.Varchar);
                await eventCopy.WriteAsync("generator", NpgsqlDbType.Varchar);
                await eventCopy.WriteAsync("Trưởng phòng", NpgsqlDbType.Varchar);
                await eventCopy.WriteAsync(receiver, NpgsqlDbType.Varchar);
            }
            await eventCopy.CompleteAsync();
            await eventCopy.DisposeAsync();
            Console.WriteLine($"load: {events.Count:N0} assignment events copied; {watch.Elapsed.TotalSeconds:F0} s in all");
            await using var analyze = new NpgsqlCommand("ANALYZE procedures.dossiers; ANALYZE procedures.dossier_events", conn);
            await analyze.ExecuteNonQueryAsync();
        }
        var rebuild = Stopwatch.StartNew();
        var rebuilt = await scope.ServiceProvider.GetRequiredService<StatisticsRefresher>().RebuildStatisticsAsync();
        Console.WriteLine($"load: statistics rebuilt from {rebuilt.DossiersRead:N0} dossiers in {rebuild.Elapsed.TotalSeconds:F0} s (snapshots through {rebuilt.SnapshotsThrough})");
    }

    private static Task Time(NpgsqlBinaryImporter copy, DateTimeOffset? value) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.TimestampTz) : copy.WriteNullAsync();
}

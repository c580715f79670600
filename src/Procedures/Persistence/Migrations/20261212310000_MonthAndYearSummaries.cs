using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The flows of the half-month summaries, added up per calendar month (<c>stat_flows_monthly</c>) and per calendar year
    /// (<c>stat_flows_yearly</c>), at the same roll-up levels: a period reads its whole years and whole months from these
    /// and only the half-months left over from <c>stat_flows</c>, so a year grouped by procedure reads one row per unit and
    /// procedure instead of twenty-four. Filled here from <c>stat_flows</c> (the refresher keeps them from then on, and a
    /// rebuild makes them again), so no rebuild is needed. Read and written with Npgsql, so no model change. The duration
    /// histogram has 20 buckets (<c>DurationBuckets.Count</c>).
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261212310000_MonthAndYearSummaries")]
    public partial class MonthAndYearSummaries : Migration
    {
        private const string Columns = """
            received_counter integer NOT NULL,
            received_online integer NOT NULL,
            received_post integer NOT NULL,
            received_with_fee integer NOT NULL,
            received_with_fee_online integer NOT NULL,
            received_digitised integer NOT NULL,
            finished_early integer NOT NULL,
            finished_on_time integer NOT NULL,
            finished_late integer NOT NULL,
            refused integer NOT NULL,
            not_accepted integer NOT NULL,
            withdrawn integer NOT NULL,
            supplement_requests integer NOT NULL,
            processing_days_sum numeric(14,2) NOT NULL,
            durations integer[] NOT NULL
            """;

        private const string Counts = "received_counter, received_online, received_post, received_with_fee, received_with_fee_online, " +
            "received_digitised, finished_early, finished_on_time, finished_late, refused, not_accepted, withdrawn, supplement_requests";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE procedures.stat_flows_monthly (
                    unit_id uuid NOT NULL,
                    procedure_id uuid NOT NULL,
                    official varchar(100) NOT NULL,
                    month date NOT NULL,
                    {Columns},
                    CONSTRAINT pk_stat_flows_monthly PRIMARY KEY (unit_id, official, procedure_id, month)
                );
                CREATE TABLE procedures.stat_flows_yearly (
                    unit_id uuid NOT NULL,
                    procedure_id uuid NOT NULL,
                    official varchar(100) NOT NULL,
                    year date NOT NULL,
                    {Columns},
                    CONSTRAINT pk_stat_flows_yearly PRIMARY KEY (unit_id, official, procedure_id, year)
                );
                {Fill("stat_flows_monthly", "month")}
                {Fill("stat_flows_yearly", "year")}
                ANALYZE procedures.stat_flows_monthly; ANALYZE procedures.stat_flows_yearly;
                """);
        }

        /// <summary>The rows of <paramref name="table"/> from the half-month rows, in key order (a unit's rows together on disk).</summary>
        private static string Fill(string table, string period)
        {
            var sums = string.Join(", ", Counts.Split(", ").Select(c => $"sum({c})::integer"));
            var durations = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"coalesce(sum(durations[{i}]), 0)::integer"));
            return $"""
                INSERT INTO procedures.{table} (unit_id, official, procedure_id, {period}, {Counts}, processing_days_sum, durations)
                SELECT unit_id, official, procedure_id, date_trunc('{period}', slice)::date, {sums}, sum(processing_days_sum), ARRAY[{durations}]
                FROM procedures.stat_flows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
                """;
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE procedures.stat_flows_yearly; DROP TABLE procedures.stat_flows_monthly;");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// Partial indexes by unit and period for the procedure and official roll-up levels of the half-month, month and year
    /// summaries, the late results and the open snapshots, as the per-day rows have: the primary key, led by the official
    /// and the procedure, bounds only the unit level by period, so a grouping by procedure or official read every slice of
    /// each unit's rows of its level whatever the period (three times over once a period reads half-months, months and a
    /// year). Read with Npgsql, so no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261212320000_SummaryLevelIndexes")]
    public partial class SummaryLevelIndexes : Migration
    {
        private static readonly (string Table, string Unit, string Period)[] Tables =
        [
            ("stat_flows", "unit_id", "slice"), ("stat_flows_monthly", "unit_id", "month"), ("stat_flows_yearly", "unit_id", "year"),
            ("stat_delays", "delay_unit_id", "slice"), ("stat_open", "unit_id", "boundary"),
        ];

        private static readonly (string Name, string Predicate)[] Levels =
        [
            ("procedure", "official = '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000'"),
            ("official", "official <> '*' AND procedure_id = '00000000-0000-0000-0000-000000000000'"),
            ("official_procedure", "official <> '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000'"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, unit, period) in Tables)
                foreach (var (level, predicate) in Levels)
                    migrationBuilder.Sql($"CREATE INDEX ix_{table}_{level}_{period} ON procedures.{table} ({unit}, {period}) WHERE {predicate};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, period) in Tables)
                foreach (var (level, _) in Levels)
                    migrationBuilder.Sql($"DROP INDEX procedures.ix_{table}_{level}_{period};");
        }
    }
}

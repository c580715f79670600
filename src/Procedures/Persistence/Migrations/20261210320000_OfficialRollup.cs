using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// A fourth roll-up level in the statistics summaries and per-day rows: per unit and official, all procedures together
    /// (procedure <c>00000000-…</c>, official named), so that a grouping by official or a filter on one reads one row per
    /// official instead of one per official and procedure. The level with both named keeps serving a procedure and an
    /// official together. The per-day indexes of the official level are made again for the two levels. The refresh state
    /// is deleted, so the next refresh rebuilds every fact and summary with the new level (readers use the fact rows until
    /// then). Read and written with Npgsql, so no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261210320000_OfficialRollup")]
    public partial class OfficialRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX procedures.ix_stat_flows_daily_official_day;
                DROP INDEX procedures.ix_stat_delays_daily_official_day;
                DROP INDEX procedures.ix_stat_open_changes_official_day;
                CREATE INDEX ix_stat_flows_daily_official_day ON procedures.stat_flows_daily (unit_id, day)
                    WHERE official <> '*' AND procedure_id = '00000000-0000-0000-0000-000000000000';
                CREATE INDEX ix_stat_flows_daily_official_procedure_day ON procedures.stat_flows_daily (unit_id, day)
                    WHERE official <> '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000';
                CREATE INDEX ix_stat_delays_daily_official_day ON procedures.stat_delays_daily (delay_unit_id, day)
                    WHERE official <> '*' AND procedure_id = '00000000-0000-0000-0000-000000000000';
                CREATE INDEX ix_stat_delays_daily_official_procedure_day ON procedures.stat_delays_daily (delay_unit_id, day)
                    WHERE official <> '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000';
                CREATE INDEX ix_stat_open_changes_official_day ON procedures.stat_open_changes (unit_id, day)
                    WHERE official <> '*' AND procedure_id = '00000000-0000-0000-0000-000000000000';
                CREATE INDEX ix_stat_open_changes_official_procedure_day ON procedures.stat_open_changes (unit_id, day)
                    WHERE official <> '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000';
                DELETE FROM procedures.stat_refresh_state;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX procedures.ix_stat_flows_daily_official_day; DROP INDEX procedures.ix_stat_flows_daily_official_procedure_day;
                DROP INDEX procedures.ix_stat_delays_daily_official_day; DROP INDEX procedures.ix_stat_delays_daily_official_procedure_day;
                DROP INDEX procedures.ix_stat_open_changes_official_day; DROP INDEX procedures.ix_stat_open_changes_official_procedure_day;
                CREATE INDEX ix_stat_flows_daily_official_day ON procedures.stat_flows_daily (unit_id, day) WHERE official <> '*';
                CREATE INDEX ix_stat_delays_daily_official_day ON procedures.stat_delays_daily (delay_unit_id, day) WHERE official <> '*';
                CREATE INDEX ix_stat_open_changes_official_day ON procedures.stat_open_changes (unit_id, day) WHERE official <> '*';
                DELETE FROM procedures.stat_refresh_state;
                """);
        }
    }
}

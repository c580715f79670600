using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The per-day statistics get the same roll-up levels as the half-month summaries: besides one row per unit and day
    /// (all procedures and officials), one per unit, procedure and day and one per unit, procedure, official and day, so
    /// that the edges of an odd period grouped or filtered by procedure, sector or official read day rows instead of the
    /// fact rows. Each of the two new levels gets an index by unit and day (the primary key, led by the official, serves
    /// the unit level and the filters). <c>daily_ready</c> goes back to false: the refresher refills the day rows from the
    /// fact rows on its next run, readers keep the fact rows until then. Read and written with Npgsql, so no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261210310000_DailyStatisticsAllLevels")]
    public partial class DailyStatisticsAllLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_stat_flows_daily_procedure_day ON procedures.stat_flows_daily (unit_id, day)
                    WHERE official = '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000';
                CREATE INDEX ix_stat_flows_daily_official_day ON procedures.stat_flows_daily (unit_id, day) WHERE official <> '*';
                CREATE INDEX ix_stat_delays_daily_procedure_day ON procedures.stat_delays_daily (delay_unit_id, day)
                    WHERE official = '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000';
                CREATE INDEX ix_stat_delays_daily_official_day ON procedures.stat_delays_daily (delay_unit_id, day) WHERE official <> '*';
                CREATE INDEX ix_stat_open_changes_procedure_day ON procedures.stat_open_changes (unit_id, day)
                    WHERE official = '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000';
                CREATE INDEX ix_stat_open_changes_official_day ON procedures.stat_open_changes (unit_id, day) WHERE official <> '*';
                UPDATE procedures.stat_refresh_state SET daily_ready = false;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX procedures.ix_stat_flows_daily_procedure_day; DROP INDEX procedures.ix_stat_flows_daily_official_day;
                DROP INDEX procedures.ix_stat_delays_daily_procedure_day; DROP INDEX procedures.ix_stat_delays_daily_official_day;
                DROP INDEX procedures.ix_stat_open_changes_procedure_day; DROP INDEX procedures.ix_stat_open_changes_official_day;
                DELETE FROM procedures.stat_flows_daily WHERE official <> '*' OR procedure_id <> '00000000-0000-0000-0000-000000000000';
                DELETE FROM procedures.stat_delays_daily WHERE official <> '*' OR procedure_id <> '00000000-0000-0000-0000-000000000000';
                DELETE FROM procedures.stat_open_changes WHERE official <> '*' OR procedure_id <> '00000000-0000-0000-0000-000000000000';
                """);
        }
    }
}

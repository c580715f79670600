using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// Per-day statistics of each unit (all procedures and officials together), kept by the refresher beside the half-month
    /// summaries: the flows and late results of each day, and how the open dossiers changed from the start of each day to
    /// the next. A period off the half-month boundaries reads its edge days from these instead of the fact rows. The
    /// refresher fills them from the fact rows on its first run after this migration (<c>daily_ready</c> false until then,
    /// so readers keep the fact rows meanwhile). Read and written with Npgsql, so no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261208040000_DailyStatistics")]
    public partial class DailyStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE procedures.stat_flows_daily (
                    unit_id uuid NOT NULL,
                    procedure_id uuid NOT NULL,
                    official varchar(100) NOT NULL,
                    day date NOT NULL,
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
                    durations integer[] NOT NULL,
                    CONSTRAINT pk_stat_flows_daily PRIMARY KEY (unit_id, official, procedure_id, day)
                );
                CREATE TABLE procedures.stat_delays_daily (
                    delay_unit_id uuid NOT NULL,
                    procedure_id uuid NOT NULL,
                    official varchar(100) NOT NULL,
                    day date NOT NULL,
                    late integer NOT NULL,
                    CONSTRAINT pk_stat_delays_daily PRIMARY KEY (delay_unit_id, official, procedure_id, day)
                );
                CREATE TABLE procedures.stat_open_changes (
                    unit_id uuid NOT NULL,
                    procedure_id uuid NOT NULL,
                    official varchar(100) NOT NULL,
                    day date NOT NULL,
                    within_time integer NOT NULL,
                    overdue integer NOT NULL,
                    awaiting_supplement integer NOT NULL,
                    CONSTRAINT pk_stat_open_changes PRIMARY KEY (unit_id, official, procedure_id, day)
                );
                ALTER TABLE procedures.stat_refresh_state ADD COLUMN daily_ready boolean NOT NULL DEFAULT false;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE procedures.stat_refresh_state DROP COLUMN daily_ready;
                DROP TABLE procedures.stat_open_changes; DROP TABLE procedures.stat_delays_daily; DROP TABLE procedures.stat_flows_daily;
                """);
        }
    }
}

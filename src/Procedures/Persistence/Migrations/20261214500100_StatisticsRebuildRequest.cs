using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// An explicit request for a statistics rebuild: <c>rebuild_requested</c> in the refresh state. A migration that changes
    /// what the summaries hold sets it (<c>UPDATE procedures.stat_refresh_state SET rebuild_requested = true</c>) instead of
    /// deleting the state; the next refresh rebuilds every fact and summary and writes the state again with the flag clear,
    /// and readers use the fact rows until then. A database whose statistics were built but whose state migration
    /// <c>OfficialRollup</c> deleted, and that has not been refreshed since, gets its state row back with the request set:
    /// the same rebuild as before, and the state keeps its row. A database never refreshed stays without one (the first
    /// refresh builds everything, as before). Read and written with Npgsql, so no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261214500100_StatisticsRebuildRequest")]
    public partial class StatisticsRebuildRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE procedures.stat_refresh_state ADD COLUMN rebuild_requested boolean NOT NULL DEFAULT false;
                INSERT INTO procedures.stat_refresh_state (id, event_watermark, snapshots_through, refreshed_at, rebuilt_at, daily_ready, rebuild_requested)
                SELECT 1, 0, DATE '2000-01-01', now(), now(), false, true
                WHERE EXISTS (SELECT 1 FROM procedures.stat_dossier_facts) AND NOT EXISTS (SELECT 1 FROM procedures.stat_refresh_state);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM procedures.stat_refresh_state WHERE rebuild_requested;
                ALTER TABLE procedures.stat_refresh_state DROP COLUMN rebuild_requested;
                """);
        }
    }
}

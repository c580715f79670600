using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsEdgeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_stat_dossier_facts_processing_unit_id_appointment_at",
                schema: "procedures",
                table: "stat_dossier_facts",
                columns: new[] { "processing_unit_id", "appointment_at" },
                filter: "appointment_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stat_dossier_facts_processing_unit_id_clock_started_at",
                schema: "procedures",
                table: "stat_dossier_facts",
                columns: new[] { "processing_unit_id", "clock_started_at" },
                filter: "clock_started_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stat_dossier_facts_processing_unit_id_supplement_requested_",
                schema: "procedures",
                table: "stat_dossier_facts",
                columns: new[] { "processing_unit_id", "supplement_requested_at" },
                filter: "supplement_requested_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stat_dossier_facts_processing_unit_id_appointment_at",
                schema: "procedures",
                table: "stat_dossier_facts");

            migrationBuilder.DropIndex(
                name: "ix_stat_dossier_facts_processing_unit_id_clock_started_at",
                schema: "procedures",
                table: "stat_dossier_facts");

            migrationBuilder.DropIndex(
                name: "ix_stat_dossier_facts_processing_unit_id_supplement_requested_",
                schema: "procedures",
                table: "stat_dossier_facts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Engine.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_work_items_unit_id_role_due_at_id",
                schema: "engine",
                table: "work_items",
                columns: new[] { "unit_id", "role", "due_at", "id" },
                filter: "status = 'Open' AND assignee IS NULL AND claimed_by IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_work_items_unit_id_role_due_at_id",
                schema: "engine",
                table: "work_items");
        }
    }
}

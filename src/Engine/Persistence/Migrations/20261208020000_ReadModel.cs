using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Engine.Persistence.Migrations
{
    /// <summary>
    /// The engine's read model for other modules' SQL (<see cref="Queries.EngineReadModel"/>): a view of the work items with the
    /// columns it documents, so that an inbox or a sweep joins the view and the table behind it stays the engine's to change.
    /// A plain view: PostgreSQL folds it into the query, so the partial indexes on open work serve it as they serve the table.
    /// No model change, so no target model.
    /// </summary>
    [DbContext(typeof(EngineDb))]
    [Migration("20261208020000_ReadModel")]
    public partial class ReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIEW engine.work_item_view AS
                SELECT id, instance_id, token_id, definition_id, business_key, step_id, title, branch, role, unit_id, assignee, claimed_by,
                       status, created_at, due_at, completed_at, revision
                FROM engine.work_items;
                COMMENT ON VIEW engine.work_item_view IS
                    'The engine''s documented read model of work items (Engine.Queries.EngineReadModel.WorkItems); other modules read this, never engine.work_items.';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW engine.work_item_view;");
        }
    }
}

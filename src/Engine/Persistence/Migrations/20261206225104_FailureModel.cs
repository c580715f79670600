using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Engine.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FailureModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_timers_due_at",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropIndex(
                name: "ix_outbox_sequence",
                schema: "engine",
                table: "outbox");

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                schema: "engine",
                table: "timers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "data",
                schema: "engine",
                table: "timers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "engine",
                table: "timers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Step");

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                schema: "engine",
                table: "timers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "leased_until",
                schema: "engine",
                table: "timers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_attempt_at",
                schema: "engine",
                table: "timers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<Guid>(
                name: "work_item_id",
                schema: "engine",
                table: "timers",
                type: "uuid",
                nullable: true);

            // Existing timers are due when they were; only a failed attempt moves the next one later.
            migrationBuilder.Sql("UPDATE engine.timers SET next_attempt_at = due_at;");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "discarded_at",
                schema: "engine",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "discarded_by",
                schema: "engine",
                table: "outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "leased_until",
                schema: "engine",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_attempt_at",
                schema: "engine",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "parked_at",
                schema: "engine",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "engine",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "integer", nullable: false),
                    business_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    step_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    timer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    error = table.Column<string>(type: "text", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolution = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                    table.ForeignKey(
                        name: "fk_incidents_instances_instance_id",
                        column: x => x.instance_id,
                        principalSchema: "engine",
                        principalTable: "instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_timers_next_attempt_at",
                schema: "engine",
                table: "timers",
                column: "next_attempt_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_processed_messages_processed_at",
                schema: "engine",
                table: "processed_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_discarded_at",
                schema: "engine",
                table: "outbox",
                column: "discarded_at",
                filter: "discarded_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_dispatched_at",
                schema: "engine",
                table: "outbox",
                column: "dispatched_at",
                filter: "dispatched_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_instance_id_sequence",
                schema: "engine",
                table: "outbox",
                columns: new[] { "instance_id", "sequence" },
                filter: "dispatched_at IS NULL AND parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_parked_at",
                schema: "engine",
                table: "outbox",
                column: "parked_at",
                filter: "parked_at IS NOT NULL AND dispatched_at IS NULL AND discarded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_sequence",
                schema: "engine",
                table: "outbox",
                column: "sequence",
                filter: "dispatched_at IS NULL AND parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_definition_id_first_seen_at",
                schema: "engine",
                table: "incidents",
                columns: new[] { "definition_id", "first_seen_at" },
                filter: "status <> 'Resolved'");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_instance_id",
                schema: "engine",
                table: "incidents",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_timer_id",
                schema: "engine",
                table: "incidents",
                column: "timer_id",
                unique: true,
                filter: "status <> 'Resolved'");

            // History is the process-control record: no role the application connects with may change or delete a row.
            migrationBuilder.Sql("""
                CREATE FUNCTION engine.refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'engine.history is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON engine.history
                    FOR EACH STATEMENT EXECUTE FUNCTION engine.refuse_history_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER history_append_only ON engine.history; DROP FUNCTION engine.refuse_history_change();");
            migrationBuilder.DropTable(
                name: "incidents",
                schema: "engine");

            migrationBuilder.DropIndex(
                name: "ix_timers_next_attempt_at",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropIndex(
                name: "ix_processed_messages_processed_at",
                schema: "engine",
                table: "processed_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_discarded_at",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "ix_outbox_dispatched_at",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "ix_outbox_instance_id_sequence",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "ix_outbox_parked_at",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "ix_outbox_sequence",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "attempts",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "data",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "kind",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "last_error",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "leased_until",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "work_item_id",
                schema: "engine",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "discarded_at",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "discarded_by",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "leased_until",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                schema: "engine",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "parked_at",
                schema: "engine",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "ix_timers_due_at",
                schema: "engine",
                table: "timers",
                column: "due_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_sequence",
                schema: "engine",
                table: "outbox",
                column: "sequence",
                filter: "dispatched_at IS NULL");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "procedures");

            migrationBuilder.CreateTable(
                name: "calendar_overrides",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_overrides", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_code_sequences",
                schema: "procedures",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_code_sequences", x => new { x.unit_code, x.day });
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    handled_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "officials",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_officials", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_published = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ratings",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    processing_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    receiving_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scores = table.Column<List<int>>(type: "integer[]", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ratings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sectors",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sectors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stat_delays",
                schema: "procedures",
                columns: table => new
                {
                    delay_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    official = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slice = table.Column<DateOnly>(type: "date", nullable: false),
                    late = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stat_delays", x => new { x.delay_unit_id, x.official, x.procedure_id, x.slice });
                });

            migrationBuilder.CreateTable(
                name: "stat_dossier_facts",
                schema: "procedures",
                columns: table => new
                {
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    processing_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    official = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_slice = table.Column<DateOnly>(type: "date", nullable: false),
                    clock_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_slice = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    timeliness = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    processing_days = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    duration_bucket = table.Column<short>(type: "smallint", nullable: true),
                    supplement_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    supplement_slice = table.Column<DateOnly>(type: "date", nullable: true),
                    delay_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    has_fee = table.Column<bool>(type: "boolean", nullable: false),
                    digitised = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stat_dossier_facts", x => x.dossier_id);
                });

            migrationBuilder.CreateTable(
                name: "stat_flows",
                schema: "procedures",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    official = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slice = table.Column<DateOnly>(type: "date", nullable: false),
                    received_counter = table.Column<int>(type: "integer", nullable: false),
                    received_online = table.Column<int>(type: "integer", nullable: false),
                    received_post = table.Column<int>(type: "integer", nullable: false),
                    received_with_fee = table.Column<int>(type: "integer", nullable: false),
                    received_with_fee_online = table.Column<int>(type: "integer", nullable: false),
                    received_digitised = table.Column<int>(type: "integer", nullable: false),
                    finished_early = table.Column<int>(type: "integer", nullable: false),
                    finished_on_time = table.Column<int>(type: "integer", nullable: false),
                    finished_late = table.Column<int>(type: "integer", nullable: false),
                    refused = table.Column<int>(type: "integer", nullable: false),
                    not_accepted = table.Column<int>(type: "integer", nullable: false),
                    withdrawn = table.Column<int>(type: "integer", nullable: false),
                    supplement_requests = table.Column<int>(type: "integer", nullable: false),
                    processing_days_sum = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    durations = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stat_flows", x => new { x.unit_id, x.official, x.procedure_id, x.slice });
                });

            migrationBuilder.CreateTable(
                name: "stat_open",
                schema: "procedures",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    official = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    boundary = table.Column<DateOnly>(type: "date", nullable: false),
                    within_time = table.Column<int>(type: "integer", nullable: false),
                    overdue = table.Column<int>(type: "integer", nullable: false),
                    awaiting_supplement = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stat_open", x => new { x.unit_id, x.official, x.procedure_id, x.boundary });
                });

            migrationBuilder.CreateTable(
                name: "stat_refresh_state",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    event_watermark = table.Column<long>(type: "bigint", nullable: false),
                    snapshots_through = table.Column<DateOnly>(type: "date", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rebuilt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stat_refresh_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supplement_submissions",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    documents = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplement_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_types",
                schema: "procedures",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    rank = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_types", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "procedures",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    name_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    level = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sector_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_basis = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    time_limit_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    time_limit_amount = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    channels = table.Column<string[]>(type: "text[]", nullable: false),
                    fees = table.Column<string>(type: "jsonb", nullable: false),
                    result_documents = table.Column<List<string>>(type: "text[]", nullable: false),
                    retention_years = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    search_text = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedures", x => x.id);
                    table.ForeignKey(
                        name: "fk_procedures_sectors_sector_id",
                        column: x => x.sector_id,
                        principalSchema: "procedures",
                        principalTable: "sectors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "units",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    type_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    path = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    address = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    office_hours = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_units_unit_types_type_code",
                        column: x => x.type_code,
                        principalSchema: "procedures",
                        principalTable: "unit_types",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_units_units_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "procedure_documents",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    copies = table.Column<int>(type: "integer", nullable: false),
                    form = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    is_optional = table.Column<bool>(type: "boolean", nullable: false),
                    template_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedure_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_procedure_documents_procedures_procedure_id",
                        column: x => x.procedure_id,
                        principalSchema: "procedures",
                        principalTable: "procedures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_plans",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    scope = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    auditors = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_plans_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "competences",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_definition_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    workflow_version = table.Column<int>(type: "integer", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_competences", x => x.id);
                    table.ForeignKey(
                        name: "fk_competences_procedures_procedure_id",
                        column: x => x.procedure_id,
                        principalSchema: "procedures",
                        principalTable: "procedures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_competences_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "controlled_documents",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    superseded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_controlled_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_controlled_documents_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossiers",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    procedure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    receiving_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    processing_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applicant_id_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    applicant_birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    applicant_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    applicant_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    applicant_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    applicant_organisation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    applicant_tax_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    citizen_account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    clock_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    original_appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    supplement_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    supplement_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    missing_items = table.Column<List<string>>(type: "text[]", nullable: false),
                    supplement_count = table.Column<int>(type: "integer", nullable: false),
                    apology_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    apology_reason = table.Column<string>(type: "text", nullable: true),
                    delay_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    apology_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    result_note = table.Column<string>(type: "text", nullable: true),
                    signed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    signed_on_behalf_of = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    timeliness = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    return_channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    retain_until = table.Column<DateOnly>(type: "date", nullable: true),
                    fee_amount = table.Column<decimal>(type: "numeric(14,0)", precision: 14, scale: 0, nullable: false),
                    pages = table.Column<int>(type: "integer", nullable: true),
                    copies = table.Column<int>(type: "integer", nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossiers", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossiers_procedures_procedure_id",
                        column: x => x.procedure_id,
                        principalSchema: "procedures",
                        principalTable: "procedures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dossiers_units_processing_unit_id",
                        column: x => x.processing_unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dossiers_units_receiving_unit_id",
                        column: x => x.receiving_unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "iso_reports",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assessment = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    difficulties = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    proposals = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    content = table.Column<string>(type: "jsonb", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iso_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_iso_reports_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "management_reviews",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    chair = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    participants = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    inputs = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    decisions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    actions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_reviews_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    official_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    roles = table.Column<string[]>(type: "text[]", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    delegated_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_memberships_officials_official_id",
                        column: x => x.official_id,
                        principalSchema: "procedures",
                        principalTable: "officials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_memberships_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "nonconformities",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source_ref = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    audit_finding_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    cause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    corrective_action = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    raised_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verified_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verification_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    closed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nonconformities", x => x.id);
                    table.ForeignKey(
                        name: "fk_nonconformities_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quality_objectives",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    measure = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    target = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quality_objectives", x => x.id);
                    table.ForeignKey(
                        name: "fk_quality_objectives_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quality_policies",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quality_policies", x => x.id);
                    table.ForeignKey(
                        name: "fk_quality_policies_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_findings",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    audit_plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    clause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nonconformity_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_findings_audit_plans_audit_plan_id",
                        column: x => x.audit_plan_id,
                        principalSchema: "procedures",
                        principalTable: "audit_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consulted_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replied_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reply = table.Column<string>(type: "text", nullable: true),
                    work_item_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultations_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "procedures",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consultations_units_consulted_unit_id",
                        column: x => x.consulted_unit_id,
                        principalSchema: "procedures",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossier_documents",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    copies = table.Column<int>(type: "integer", nullable: false),
                    form = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    provided = table.Column<bool>(type: "boolean", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_supplement = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_documents_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "procedures",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_events",
                schema: "procedures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    receiver = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    receiver_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    step = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    timeliness = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_events_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "procedures",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_findings_audit_plan_id_number",
                schema: "procedures",
                table: "audit_findings",
                columns: new[] { "audit_plan_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_plans_unit_id_planned_on",
                schema: "procedures",
                table: "audit_plans",
                columns: new[] { "unit_id", "planned_on" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_overrides_date",
                schema: "procedures",
                table: "calendar_overrides",
                column: "date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_competences_procedure_id_unit_id_effective_from",
                schema: "procedures",
                table: "competences",
                columns: new[] { "procedure_id", "unit_id", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_competences_unit_id",
                schema: "procedures",
                table: "competences",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_consulted_unit_id",
                schema: "procedures",
                table: "consultations",
                column: "consulted_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_dossier_id",
                schema: "procedures",
                table: "consultations",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_controlled_documents_unit_id_code_version",
                schema: "procedures",
                table: "controlled_documents",
                columns: new[] { "unit_id", "code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dossier_documents_dossier_id",
                schema: "procedures",
                table: "dossier_documents",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_events_dossier_id_id",
                schema: "procedures",
                table: "dossier_events",
                columns: new[] { "dossier_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_applicant_id_number",
                schema: "procedures",
                table: "dossiers",
                column: "applicant_id_number");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_applicant_phone",
                schema: "procedures",
                table: "dossiers",
                column: "applicant_phone");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_appointment_at",
                schema: "procedures",
                table: "dossiers",
                column: "appointment_at",
                filter: "status IN ('Accepted', 'Processing', 'SupplementRequested', 'FinancialObligation')");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_citizen_account_id",
                schema: "procedures",
                table: "dossiers",
                column: "citizen_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_code",
                schema: "procedures",
                table: "dossiers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_procedure_id",
                schema: "procedures",
                table: "dossiers",
                column: "procedure_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_processing_unit_id_status",
                schema: "procedures",
                table: "dossiers",
                columns: new[] { "processing_unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_receiving_unit_id_received_at",
                schema: "procedures",
                table: "dossiers",
                columns: new[] { "receiving_unit_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_workflow_instance_id",
                schema: "procedures",
                table: "dossiers",
                column: "workflow_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_citizen_account_id",
                schema: "procedures",
                table: "feedback",
                column: "citizen_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_unit_id_created_at",
                schema: "procedures",
                table: "feedback",
                columns: new[] { "unit_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_iso_reports_unit_id_kind_year",
                schema: "procedures",
                table: "iso_reports",
                columns: new[] { "unit_id", "kind", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_management_reviews_unit_id_held_on",
                schema: "procedures",
                table: "management_reviews",
                columns: new[] { "unit_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_official_id_unit_id",
                schema: "procedures",
                table: "memberships",
                columns: new[] { "official_id", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_unit_id",
                schema: "procedures",
                table: "memberships",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_nonconformities_dossier_id",
                schema: "procedures",
                table: "nonconformities",
                column: "dossier_id",
                unique: true,
                filter: "dossier_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_nonconformities_unit_id_number",
                schema: "procedures",
                table: "nonconformities",
                columns: new[] { "unit_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nonconformities_unit_id_status",
                schema: "procedures",
                table: "nonconformities",
                columns: new[] { "unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_officials_user_name",
                schema: "procedures",
                table: "officials",
                column: "user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedure_documents_procedure_id",
                schema: "procedures",
                table: "procedure_documents",
                column: "procedure_id");

            migrationBuilder.CreateIndex(
                name: "ix_procedures_code",
                schema: "procedures",
                table: "procedures",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedures_search_text",
                schema: "procedures",
                table: "procedures",
                column: "search_text")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_procedures_sector_id",
                schema: "procedures",
                table: "procedures",
                column: "sector_id");

            migrationBuilder.CreateIndex(
                name: "ix_quality_objectives_unit_id_year",
                schema: "procedures",
                table: "quality_objectives",
                columns: new[] { "unit_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_quality_policies_unit_id_version",
                schema: "procedures",
                table: "quality_policies",
                columns: new[] { "unit_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questions_citizen_account_id",
                schema: "procedures",
                table: "questions",
                column: "citizen_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_questions_is_published_answered_at",
                schema: "procedures",
                table: "questions",
                columns: new[] { "is_published", "answered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ratings_dossier_id",
                schema: "procedures",
                table: "ratings",
                column: "dossier_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ratings_processing_unit_id_rated_at",
                schema: "procedures",
                table: "ratings",
                columns: new[] { "processing_unit_id", "rated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sectors_code",
                schema: "procedures",
                table: "sectors",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stat_dossier_facts_delay_unit_id_finished_at",
                schema: "procedures",
                table: "stat_dossier_facts",
                columns: new[] { "delay_unit_id", "finished_at" },
                filter: "delay_unit_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stat_dossier_facts_processing_unit_id",
                schema: "procedures",
                table: "stat_dossier_facts",
                column: "processing_unit_id",
                filter: "finished_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stat_dossier_facts_processing_unit_id_finished_at",
                schema: "procedures",
                table: "stat_dossier_facts",
                columns: new[] { "processing_unit_id", "finished_at" });

            migrationBuilder.CreateIndex(
                name: "ix_stat_dossier_facts_processing_unit_id_received_at",
                schema: "procedures",
                table: "stat_dossier_facts",
                columns: new[] { "processing_unit_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_supplement_submissions_dossier_id",
                schema: "procedures",
                table: "supplement_submissions",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_code",
                schema: "procedures",
                table: "units",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_parent_id",
                schema: "procedures",
                table: "units",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_path",
                schema: "procedures",
                table: "units",
                column: "path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_units_type_code",
                schema: "procedures",
                table: "units",
                column: "type_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_findings",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "calendar_overrides",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "competences",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "consultations",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "controlled_documents",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "dossier_code_sequences",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "dossier_documents",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "dossier_events",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "feedback",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "iso_reports",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "management_reviews",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "memberships",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "nonconformities",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "procedure_documents",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "quality_objectives",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "quality_policies",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "questions",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "ratings",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "stat_delays",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "stat_dossier_facts",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "stat_flows",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "stat_open",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "stat_refresh_state",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "supplement_submissions",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "audit_plans",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "dossiers",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "officials",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "procedures",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "units",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "sectors",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "unit_types",
                schema: "procedures");
        }
    }
}

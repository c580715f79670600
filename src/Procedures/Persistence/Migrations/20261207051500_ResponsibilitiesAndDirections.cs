using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// Responsibility by sector and procedure (phân quyền phụ trách), the section or official a dossier is routed to, and the
    /// leader's directions (chỉ đạo). Read and written by <c>Responsibilities</c>, <c>DossierRoutes</c> and <c>Directions</c>
    /// with their own SQL, so no model change and no target model.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261207051500_ResponsibilitiesAndDirections")]
    public partial class ResponsibilitiesAndDirections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE procedures.responsibilities (
                    id uuid PRIMARY KEY,
                    unit_id uuid NOT NULL REFERENCES procedures.units (id),
                    section_id uuid NULL REFERENCES procedures.units (id),
                    official_id uuid NULL REFERENCES procedures.officials (id),
                    sector_id uuid NULL REFERENCES procedures.sectors (id),
                    procedure_id uuid NULL REFERENCES procedures.procedures (id) ON DELETE CASCADE,
                    effective_from date NOT NULL,
                    effective_to date NULL,
                    note varchar(500) NULL,
                    created_by varchar(100) NOT NULL,
                    created_at timestamptz NOT NULL,
                    CONSTRAINT ck_responsibilities_holder CHECK ((section_id IS NULL) <> (official_id IS NULL)),
                    CONSTRAINT ck_responsibilities_scope CHECK ((sector_id IS NULL) <> (procedure_id IS NULL)),
                    CONSTRAINT ck_responsibilities_period CHECK (effective_to IS NULL OR effective_to >= effective_from)
                );
                CREATE INDEX ix_responsibilities_unit ON procedures.responsibilities (unit_id, effective_from);

                CREATE TABLE procedures.dossier_routes (
                    dossier_id uuid PRIMARY KEY REFERENCES procedures.dossiers (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                    unit_id uuid NOT NULL,
                    section_id uuid NULL,
                    official varchar(100) NULL,
                    roles text[] NOT NULL,
                    responsibility_id uuid NULL,
                    direction_id uuid NULL,
                    routed_at timestamptz NOT NULL
                );

                CREATE TABLE procedures.directions (
                    id uuid PRIMARY KEY,
                    dossier_id uuid NOT NULL REFERENCES procedures.dossiers (id) ON DELETE CASCADE,
                    directed_by varchar(100) NOT NULL,
                    directed_at timestamptz NOT NULL,
                    section_id uuid NULL REFERENCES procedures.units (id),
                    specialist varchar(100) NULL,
                    instructions varchar(2000) NOT NULL,
                    due_at timestamptz NULL,
                    superseded_at timestamptz NULL,
                    superseded_by uuid NULL,
                    CONSTRAINT ck_directions_target CHECK ((section_id IS NULL) <> (specialist IS NULL))
                );
                CREATE INDEX ix_directions_directed_by ON procedures.directions (directed_by, directed_at DESC);
                CREATE INDEX ix_directions_dossier ON procedures.directions (dossier_id, directed_at DESC);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE procedures.directions; DROP TABLE procedures.dossier_routes; DROP TABLE procedures.responsibilities;");
        }
    }
}

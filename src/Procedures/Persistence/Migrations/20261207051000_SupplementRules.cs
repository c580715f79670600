using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The supplement rules as data: the province's defaults (one row; absent means the built-in values) and each
    /// procedure's own values (null columns take the default). Read and written by <c>SupplementPolicies</c> with its own
    /// SQL, so no model change and no target model.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261207051000_SupplementRules")]
    public partial class SupplementRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE procedures.supplement_rule_defaults (
                    id smallint PRIMARY KEY CHECK (id = 1),
                    max_requests integer NOT NULL CHECK (max_requests BETWEEN 1 AND 5),
                    window_days integer NOT NULL CHECK (window_days BETWEEN 0 AND 90),
                    citizen_days integer NOT NULL CHECK (citizen_days BETWEEN 1 AND 90),
                    on_expiry varchar(30) NOT NULL,
                    legal_basis varchar(1000) NOT NULL,
                    updated_at timestamptz NOT NULL,
                    updated_by varchar(100) NOT NULL
                );
                CREATE TABLE procedures.procedure_supplement_rules (
                    procedure_id uuid PRIMARY KEY REFERENCES procedures.procedures (id) ON DELETE CASCADE,
                    max_requests integer NULL CHECK (max_requests BETWEEN 1 AND 5),
                    window_days integer NULL CHECK (window_days BETWEEN 0 AND 90),
                    citizen_days integer NULL CHECK (citizen_days BETWEEN 1 AND 90),
                    on_expiry varchar(30) NULL,
                    legal_basis varchar(1000) NULL,
                    updated_at timestamptz NOT NULL,
                    updated_by varchar(100) NOT NULL
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE procedures.procedure_supplement_rules; DROP TABLE procedures.supplement_rule_defaults;");
        }
    }
}

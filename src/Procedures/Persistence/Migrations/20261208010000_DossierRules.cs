using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The agency's dossier time rules (apology notice, supplement reminder, online check, due soon; in working days): one
    /// row, absent until an administrator first changes them. Read by <c>DossierRulesStore</c> with its own SQL, so no model
    /// change and no target model. The checks repeat the use case's ranges so no other writer can store what it refuses.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261208010000_DossierRules")]
    public partial class DossierRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE procedures.dossier_rules (
                    id integer PRIMARY KEY CHECK (id = 1),
                    apology_notice_days numeric(4,1) NOT NULL CHECK (apology_notice_days BETWEEN 1 AND 5),
                    supplement_reminder_days numeric(4,1) NOT NULL CHECK (supplement_reminder_days BETWEEN 0.5 AND 10),
                    online_check_days numeric(4,1) NOT NULL CHECK (online_check_days BETWEEN 0.5 AND 5),
                    due_soon_days numeric(4,1) NOT NULL CHECK (due_soon_days BETWEEN 0.5 AND 5),
                    changed_by varchar(100) NULL,
                    changed_at timestamptz NOT NULL
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE procedures.dossier_rules;");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// Signed forms beside signed results: the refusal (Form 03) and the apology with a new appointment (Form 04) are signed
    /// when they are issued and kept in <c>procedures.signed_results</c> with their kind. Existing rows are results. Read and
    /// written by <c>Signatures.SignedResults</c> with its own SQL: no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261212210000_SignedForms")]
    public partial class SignedForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE procedures.signed_results ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'result'
                    CONSTRAINT ck_signed_results_kind CHECK (kind IN ('result', 'refusal', 'apology'));
                DROP INDEX procedures.ix_signed_results_dossier;
                CREATE INDEX ix_signed_results_dossier ON procedures.signed_results (dossier_id, kind, signed_at DESC);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM procedures.signed_results WHERE kind <> 'result';
                DROP INDEX procedures.ix_signed_results_dossier;
                ALTER TABLE procedures.signed_results DROP COLUMN kind;
                CREATE INDEX ix_signed_results_dossier ON procedures.signed_results (dossier_id, signed_at DESC);
                """);
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// Electronic results signed at the signing step (the PDF with its SHA-256, stored in the step's transaction so a
    /// dossier never moves without its signed result) and the officials' PKCS#12 files, encrypted. Read and written by
    /// <c>Signatures.SignedResults</c> and <c>Signatures.StoredCertificates</c> with their own SQL: no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261208060000_SignedResults")]
    public partial class SignedResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE procedures.signed_results (
                    id uuid PRIMARY KEY,
                    dossier_id uuid NOT NULL REFERENCES procedures.dossiers (id) ON DELETE CASCADE,
                    file_name varchar(255) NOT NULL,
                    content bytea NOT NULL,
                    sha256 char(64) NOT NULL,
                    signed_by varchar(100) NOT NULL,
                    signed_on_behalf_of varchar(100) NULL,
                    signer_name varchar(200) NOT NULL,
                    certificate_thumbprint varchar(64) NOT NULL,
                    signed_at timestamptz NOT NULL
                );
                CREATE INDEX ix_signed_results_dossier ON procedures.signed_results (dossier_id, signed_at DESC);
                CREATE INDEX ix_signed_results_sha256 ON procedures.signed_results (sha256);

                CREATE TABLE procedures.signing_certificates (
                    user_name varchar(100) PRIMARY KEY,
                    protected_pkcs12 bytea NOT NULL,
                    subject varchar(500) NOT NULL,
                    thumbprint varchar(64) NOT NULL,
                    not_after timestamptz NOT NULL,
                    uploaded_by varchar(100) NOT NULL,
                    uploaded_at timestamptz NOT NULL
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE procedures.signing_certificates; DROP TABLE procedures.signed_results;");
        }
    }
}

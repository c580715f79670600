using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The stored certificates' serial number and start of validity, which the administrator's list shows beside the subject
    /// and the end of validity. Files uploaded before keep null until they are replaced. Written by
    /// <c>Signatures.StoredCertificates</c> with its own SQL: no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261209300100_SigningCertificateSerial")]
    public partial class SigningCertificateSerial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE procedures.signing_certificates
                    ADD COLUMN serial_number varchar(64) NULL,
                    ADD COLUMN not_before timestamptz NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE procedures.signing_certificates DROP COLUMN serial_number, DROP COLUMN not_before;");
        }
    }
}

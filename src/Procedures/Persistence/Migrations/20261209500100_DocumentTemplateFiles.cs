using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The blank form (mẫu) of a procedure's document, uploaded by an administrator and offered for download on the public
    /// procedure page and the online submission form: one file per document, gone with the document. Read and written by
    /// <c>Catalogue.TemplateFiles</c> with its own SQL: no model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261209500100_DocumentTemplateFiles")]
    public partial class DocumentTemplateFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE procedures.document_template_files (
                    procedure_document_id uuid PRIMARY KEY REFERENCES procedures.procedure_documents (id) ON DELETE CASCADE,
                    file_name varchar(200) NOT NULL,
                    content_type varchar(100) NOT NULL,
                    content bytea NOT NULL,
                    sha256 char(64) NOT NULL,
                    uploaded_by varchar(100) NOT NULL,
                    uploaded_at timestamptz NOT NULL
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE procedures.document_template_files;");
        }
    }
}

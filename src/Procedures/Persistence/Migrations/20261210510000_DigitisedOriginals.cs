using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The clerk's mark on a dossier document whose scan is the digitised original (bản số hóa từ bản gốc). Existing rows
    /// were never marked: false.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261210510000_DigitisedOriginals")]
    public partial class DigitisedOriginals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "digitised_original",
                schema: "procedures",
                table: "dossier_documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "digitised_original", schema: "procedures", table: "dossier_documents");
        }
    }
}

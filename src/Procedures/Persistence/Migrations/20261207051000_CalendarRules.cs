using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The province's calendar rules (reception cut-off, first year of Vietnamese Culture Day): one row, absent until an
    /// administrator first changes them. Read by <c>CalendarRulesStore</c> with its own SQL, so no model change and no target model.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261207051000_CalendarRules")]
    public partial class CalendarRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE procedures.calendar_rules (
                    id integer PRIMARY KEY CHECK (id = 1),
                    cut_off time NOT NULL,
                    culture_day_from_year integer NULL,
                    changed_by varchar(100) NULL,
                    changed_at timestamptz NOT NULL
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE procedures.calendar_rules;");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The generation of the reference data (<c>ReferenceGeneration</c>): statement triggers on officials, memberships, units,
    /// procedures, procedure documents and competences set it to the next value of a sequence, in the changing transaction,
    /// whoever writes (a use case, a seed, an operator by hand). Caches compare it with the one they were filled at. The sequence
    /// is owned by no table, so truncating the tables never makes the number go back. No model change.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261209110000_ReferenceGeneration")]
    public partial class ReferenceGeneration : Migration
    {
        private static readonly string[] Tables = ["officials", "memberships", "units", "procedures", "procedure_documents", "competences"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE SEQUENCE procedures.reference_generation_seq;
                CREATE TABLE procedures.reference_generation (
                    id smallint PRIMARY KEY CHECK (id = 1),
                    generation bigint NOT NULL
                );
                CREATE FUNCTION procedures.raise_reference_generation() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO procedures.reference_generation (id, generation) VALUES (1, nextval('procedures.reference_generation_seq'))
                    ON CONFLICT (id) DO UPDATE SET generation = excluded.generation;
                    RETURN NULL;
                END $$;
                INSERT INTO procedures.reference_generation (id, generation) VALUES (1, nextval('procedures.reference_generation_seq'));
                """);
            foreach (var table in Tables)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER raise_reference_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedures.{table}
                    FOR EACH STATEMENT EXECUTE FUNCTION procedures.raise_reference_generation();
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.Sql($"DROP TRIGGER raise_reference_generation ON procedures.{table};");
            migrationBuilder.Sql("""
                DROP FUNCTION procedures.raise_reference_generation();
                DROP TABLE procedures.reference_generation;
                DROP SEQUENCE procedures.reference_generation_seq;
                """);
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procedures.Persistence.Migrations
{
    /// <summary>
    /// The <c>Idempotency-Key</c>s of creations (reception, online submission, uploads, messages, feedback): one row per actor and
    /// key, written in the creation's own transaction with its result, so a retry gets the first result and creates nothing.
    /// Read and written by <c>IdempotencyKeys</c> with its own SQL, so no model change and no target model.
    /// </summary>
    [DbContext(typeof(ProceduresDb))]
    [Migration("20261208030000_IdempotencyKeys")]
    public partial class IdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE procedures.idempotency_keys (
                    actor varchar(150) NOT NULL,
                    key varchar(200) NOT NULL,
                    request_hash char(64) NOT NULL,
                    result jsonb NOT NULL,
                    created_at timestamptz NOT NULL,
                    PRIMARY KEY (actor, key)
                );
                CREATE INDEX ix_idempotency_keys_created_at ON procedures.idempotency_keys (created_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE procedures.idempotency_keys;");
        }
    }
}

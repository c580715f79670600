using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Persistence.Migrations
{
    /// <summary>
    /// Revoked sign-in sessions: one session (signed out) or every session of an account issued before a moment (password
    /// changed, account locked). Read by <c>SessionRevocations</c> with its own SQL, so no model change and no target model.
    /// </summary>
    [DbContext(typeof(ApiDb))]
    [Migration("20261207031000_SessionRevocations")]
    public partial class SessionRevocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE accounts.session_revocations (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    account_id uuid NOT NULL,
                    session_id uuid NULL,
                    revoked_at timestamptz NOT NULL,
                    reason varchar(100) NOT NULL
                );
                CREATE INDEX ix_session_revocations_account ON accounts.session_revocations (account_id, revoked_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE accounts.session_revocations;");
        }
    }
}

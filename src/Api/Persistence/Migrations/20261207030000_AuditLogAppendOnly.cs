using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Persistence.Migrations
{
    /// <summary>
    /// The audit log is evidence: no role the application connects with may change or delete a row of it (nor empty the table).
    /// No model change, so no target model: the snapshot stays as it was.
    /// </summary>
    [DbContext(typeof(ApiDb))]
    [Migration("20261207030000_AuditLogAppendOnly")]
    public partial class AuditLogAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION accounts.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'accounts.audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON accounts.audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION accounts.refuse_audit_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_log_append_only ON accounts.audit_log; DROP FUNCTION accounts.refuse_audit_change();");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worker.Notifications.Migrations
{
    /// <summary>
    /// The SLA subjects parked by the sweep, for the operators' list and its count in the menu (<c>ParkedSubjects</c>): a
    /// partial index over the few parked rows, so neither reads the millions of alerts. Read with its own SQL, so no model change.
    /// </summary>
    [DbContext(typeof(NotificationsDb))]
    [Migration("20261213310000_SlaAlertsParkedIndex")]
    public partial class SlaAlertsParkedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_sla_alerts_parked ON notifications.sla_alerts (raised_at DESC, subject_id) WHERE threshold = 'parked';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX notifications.ix_sla_alerts_parked;");
        }
    }
}

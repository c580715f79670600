using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Quality;
using Procedures.Reports;
using Procedures.Statistics;

namespace Procedures.Persistence;

/// <summary>The domain's tables in schema <c>procedures</c>, on the same database (and data source) as the engine.</summary>
public sealed class ProceduresDb(DbContextOptions<ProceduresDb> options) : DbContext(options)
{
    public const string Schema = "procedures";

    public DbSet<UnitType> UnitTypes => Set<UnitType>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Official> Officials => Set<Official>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Competence> Competences => Set<Competence>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<ProcedureDocument> ProcedureDocuments => Set<ProcedureDocument>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierDocument> DossierDocuments => Set<DossierDocument>();
    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();
    public DbSet<DossierCodeSequence> DossierCodeSequences => Set<DossierCodeSequence>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<CalendarOverrideRecord> CalendarOverrides => Set<CalendarOverrideRecord>();
    public DbSet<DossierFact> DossierFacts => Set<DossierFact>();
    public DbSet<FlowSummary> FlowSummaries => Set<FlowSummary>();
    public DbSet<OpenSnapshot> OpenSnapshots => Set<OpenSnapshot>();
    public DbSet<DelaySummary> DelaySummaries => Set<DelaySummary>();
    public DbSet<StatisticsRefreshState> StatisticsRefreshStates => Set<StatisticsRefreshState>();
    public DbSet<QualityPolicy> QualityPolicies => Set<QualityPolicy>();
    public DbSet<QualityObjective> QualityObjectives => Set<QualityObjective>();
    public DbSet<ControlledDocument> ControlledDocuments => Set<ControlledDocument>();
    public DbSet<AuditPlan> AuditPlans => Set<AuditPlan>();
    public DbSet<AuditFinding> AuditFindings => Set<AuditFinding>();
    public DbSet<Nonconformity> Nonconformities => Set<Nonconformity>();
    public DbSet<ManagementReview> ManagementReviews => Set<ManagementReview>();
    public DbSet<IsoReport> IsoReports => Set<IsoReport>();
    public DbSet<Citizens.Rating> Ratings => Set<Citizens.Rating>();
    public DbSet<Citizens.Question> Questions => Set<Citizens.Question>();
    public DbSet<Citizens.Feedback> Feedback => Set<Citizens.Feedback>();
    public DbSet<Citizens.SupplementSubmission> SupplementSubmissions => Set<Citizens.SupplementSubmission>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProceduresDb).Assembly);
    }
}

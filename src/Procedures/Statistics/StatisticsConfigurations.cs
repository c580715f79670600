using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Statistics;

internal sealed class DossierFactConfiguration : IEntityTypeConfiguration<DossierFact>
{
    public void Configure(EntityTypeBuilder<DossierFact> b)
    {
        b.ToTable("stat_dossier_facts");
        b.HasKey(x => x.DossierId);
        b.Property(x => x.Code).HasMaxLength(80);
        b.Property(x => x.Official).HasMaxLength(100);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Timeliness).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ProcessingDays).HasPrecision(9, 2);
        // The drill-downs and the fact path read by unit and instant; open dossiers are few and read often.
        b.HasIndex(x => new { x.ProcessingUnitId, x.ReceivedAt });
        b.HasIndex(x => new { x.ProcessingUnitId, x.FinishedAt });
        b.HasIndex(x => x.ProcessingUnitId, "ix_stat_dossier_facts_open").HasFilter("finished_at IS NULL");
        b.HasIndex(x => new { x.DelayUnitId, x.FinishedAt }).HasFilter("delay_unit_id IS NOT NULL");
        // The partial half-months at the edges of a period: supplement requests, and the open dossiers moved between instants (OpenDeltas).
        b.HasIndex(x => new { x.ProcessingUnitId, x.SupplementRequestedAt }).HasFilter("supplement_requested_at IS NOT NULL");
        b.HasIndex(x => new { x.ProcessingUnitId, x.ClockStartedAt }).HasFilter("clock_started_at IS NOT NULL");
        b.HasIndex(x => new { x.ProcessingUnitId, x.AppointmentAt }).HasFilter("appointment_at IS NOT NULL");
    }
}

internal sealed class FlowSummaryConfiguration : IEntityTypeConfiguration<FlowSummary>
{
    public void Configure(EntityTypeBuilder<FlowSummary> b)
    {
        b.ToTable("stat_flows");
        // Unit, then the roll-up level (official "*" first, then the procedure), then time: a dashboard by unit or by
        // procedure reads one tight range per unit.
        b.HasKey(x => new { x.UnitId, x.Official, x.ProcedureId, x.Slice });
        b.Property(x => x.Official).HasMaxLength(100);
        b.Property(x => x.ProcessingDaysSum).HasPrecision(14, 2);
        b.Property(x => x.Durations).HasColumnType("integer[]");
    }
}

internal sealed class OpenSnapshotConfiguration : IEntityTypeConfiguration<OpenSnapshot>
{
    public void Configure(EntityTypeBuilder<OpenSnapshot> b)
    {
        b.ToTable("stat_open");
        b.HasKey(x => new { x.UnitId, x.Official, x.ProcedureId, x.Boundary });
        b.Property(x => x.Official).HasMaxLength(100);
    }
}

internal sealed class DelaySummaryConfiguration : IEntityTypeConfiguration<DelaySummary>
{
    public void Configure(EntityTypeBuilder<DelaySummary> b)
    {
        b.ToTable("stat_delays");
        b.HasKey(x => new { x.DelayUnitId, x.Official, x.ProcedureId, x.Slice });
        b.Property(x => x.Official).HasMaxLength(100);
    }
}

internal sealed class StatisticsRefreshStateConfiguration : IEntityTypeConfiguration<StatisticsRefreshState>
{
    public void Configure(EntityTypeBuilder<StatisticsRefreshState> b)
    {
        b.ToTable("stat_refresh_state");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

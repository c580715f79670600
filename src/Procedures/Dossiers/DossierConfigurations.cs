using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.ToTable("dossiers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(80);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReturnChannel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Timeliness).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.MissingItems).HasColumnType("text[]");
        b.Property(x => x.FeeAmount).HasPrecision(14, 0);
        b.Property(x => x.ReceivedBy).HasMaxLength(100);
        b.Property(x => x.ApologyBy).HasMaxLength(100);
        b.Property(x => x.SignedBy).HasMaxLength(100);
        b.Property(x => x.SignedOnBehalfOf).HasMaxLength(100);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.OwnsOne(x => x.Applicant, a =>
        {
            a.Property(p => p.FullName).HasMaxLength(200).HasColumnName("applicant_name");
            a.Property(p => p.IdNumber).HasMaxLength(30).HasColumnName("applicant_id_number");
            a.Property(p => p.BirthDate).HasColumnName("applicant_birth_date");
            a.Property(p => p.Phone).HasMaxLength(30).HasColumnName("applicant_phone");
            a.Property(p => p.Email).HasMaxLength(200).HasColumnName("applicant_email");
            a.Property(p => p.Address).HasMaxLength(500).HasColumnName("applicant_address");
            a.Property(p => p.OrganisationName).HasMaxLength(300).HasColumnName("applicant_organisation");
            a.Property(p => p.TaxCode).HasMaxLength(30).HasColumnName("applicant_tax_code");
            a.HasIndex(p => p.IdNumber);
            a.HasIndex(p => p.Phone);
        });
        b.Navigation(x => x.Applicant).IsRequired();
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Procedure>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ReceivingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ProcessingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.WorkflowInstanceId);
        b.HasIndex(x => new { x.ProcessingUnitId, x.Status });
        b.HasIndex(x => new { x.ReceivingUnitId, x.ReceivedAt });
        b.HasIndex(x => x.CitizenAccountId);
        // Open dossiers by appointment: the overdue sweep touches only these.
        b.HasIndex(x => x.AppointmentAt, "ix_dossiers_open_appointment").HasFilter("status IN ('Accepted', 'Processing', 'SupplementRequested', 'FinancialObligation')");
    }
}

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> b)
    {
        b.ToTable("dossier_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Form).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> b)
    {
        b.ToTable("dossier_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Kind).HasMaxLength(50);
        b.Property(x => x.Actor).HasMaxLength(100);
        b.Property(x => x.ActorName).HasMaxLength(200);
        b.Property(x => x.Receiver).HasMaxLength(100);
        b.Property(x => x.ReceiverName).HasMaxLength(200);
        b.Property(x => x.Step).HasMaxLength(100);
        b.Property(x => x.Timeliness).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Data).HasColumnType("jsonb");
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.DossierId, x.Id });
    }
}

internal sealed class DossierCodeSequenceConfiguration : IEntityTypeConfiguration<DossierCodeSequence>
{
    public void Configure(EntityTypeBuilder<DossierCodeSequence> b)
    {
        b.ToTable("dossier_code_sequences");
        b.HasKey(x => new { x.UnitCode, x.Day });
        b.Property(x => x.UnitCode).HasMaxLength(50);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("consultations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Subject).HasMaxLength(1000);
        b.Property(x => x.RequestedBy).HasMaxLength(100);
        b.Property(x => x.RepliedBy).HasMaxLength(100);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ConsultedUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DossierId);
    }
}

using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Procedures.Tests.Statistics;

/// <summary>
/// Fifteen dossiers with fixed times around the holidays of late April 2026 (Sun 26 Apr Hùng Kings, so Mon 27 off in
/// lieu; Thu 30 Apr and Fri 1 May off), inserted as rows so every instant is exact. The period of the tests is
/// 15 April to 14 May 2026; the expected figures are worked out by hand in docs/statistics.md.
/// </summary>
public static class KnownDossiers
{
    public static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0) => new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public static readonly DateOnly From = new(2026, 4, 15), To = new(2026, 5, 14);

    public static async Task<Dictionary<string, Guid>> SeedAsync(ProceduresDb db, StatisticsOrg o)
    {
        var ids = new Dictionary<string, Guid>();
        var five = o.FiveDay;
        var three = o.ThreeDay;
        // Outside the period altogether.
        Add("d0", o.CommuneA, five, StatisticsOrg.SpecialistA, Channel.Counter, Vn(4, 1, 9), Vn(4, 8, 17), Vn(4, 7, 9), DossierResult.Approved);
        // Early: 3.00 working days against Thu 23 Apr.
        Add("d1", o.CommuneA, five, StatisticsOrg.SpecialistA, Channel.Counter, Vn(4, 16, 9), Vn(4, 23, 17), Vn(4, 21, 9), DossierResult.Approved, fee: true);
        // On time across the long weekend: 5.53 days.
        Add("d2", o.CommuneA, five, StatisticsOrg.SpecialistA, Channel.Online, Vn(4, 24, 10), Vn(5, 6, 17), Vn(5, 6, 16), DossierResult.Approved, fee: true);
        // Late against the first appointment although the apology moved it: 4.87 days, the delay is the department's.
        var d3 = Add("d3", o.CommuneA, three, StatisticsOrg.SpecialistA, Channel.Counter, Vn(4, 20, 14), Vn(4, 23, 17), Vn(4, 28, 11), DossierResult.Approved);
        (d3.AppointmentAt, d3.ApologyAt, d3.DelayUnitId) = (Vn(4, 29, 17), Vn(4, 22, 9), o.Department);
        // Received after 15:00, still open: overdue at the end.
        Add("d4", o.CommuneB, five, StatisticsOrg.SpecialistB, Channel.Counter, Vn(4, 22, 15, 30), Vn(5, 5, 17), null, null);
        // On time: 5.80 days.
        Add("d5", o.CommuneB, five, StatisticsOrg.SpecialistB, Channel.Online, Vn(5, 4, 8), Vn(5, 11, 17), Vn(5, 11, 16), DossierResult.Approved);
        // Carried over, then late: 4.00 days, no apology so the delay is the processing unit's.
        Add("d6", o.CommuneB, three, StatisticsOrg.SpecialistB, Channel.Counter, Vn(4, 14, 10), Vn(4, 17, 17), Vn(4, 20, 10), DossierResult.Approved);
        // Carried over and still open: overdue.
        Add("d7", o.Department, three, StatisticsOrg.SpecialistD, Channel.Counter, Vn(4, 10, 9), Vn(4, 15, 17), null, null);
        // Refused at the counter: no clock, no official assigned (the clerk counts).
        var d8 = Add("d8", o.CommuneA, five, null, Channel.Counter, Vn(4, 21, 9), null, Vn(4, 21, 9), DossierResult.Refused);
        (d8.Status, d8.ClockStartedAt, d8.ReceivedBy) = (DossierStatus.NotAccepted, null, StatisticsOrg.ClerkA);
        // Refused during processing.
        var d9 = Add("d9", o.CommuneA, five, StatisticsOrg.SpecialistA, Channel.Counter, Vn(4, 22, 9), Vn(5, 4, 17), Vn(4, 24, 10), DossierResult.Refused);
        d9.Status = DossierStatus.Stopped;
        // Supplement asked at reception: waiting for the citizen, no clock.
        var d10 = Add("d10", o.CommuneA, five, StatisticsOrg.SpecialistA, Channel.Online, Vn(5, 7, 9), null, null, null);
        (d10.Status, d10.ClockStartedAt, d10.SupplementRequestedAt, d10.SupplementCount) = (DossierStatus.SupplementRequested, null, Vn(5, 7, 10), 1);
        // Withdrawn by post.
        var d11 = Add("d11", o.CommuneB, three, StatisticsOrg.SpecialistB, Channel.Post, Vn(5, 11, 9), Vn(5, 14, 17), Vn(5, 12, 9), DossierResult.Withdrawn);
        d11.Status = DossierStatus.Withdrawn;
        // Supplement during processing restarts the clock on Fri 8 May: on time, 3.13 days from the restart.
        var d12 = Add("d12", o.SectionA1, three, StatisticsOrg.SpecialistA, Channel.Counter, Vn(5, 4, 9), Vn(5, 13, 17), Vn(5, 13, 10), DossierResult.Approved);
        (d12.ClockStartedAt, d12.SupplementRequestedAt, d12.SupplementCount) = (Vn(5, 8, 9), Vn(5, 5, 10), 1);
        // Settled by the province itself: early, 2.00 days, scanned.
        var d13 = Add("d13", o.Province, five, StatisticsOrg.SpecialistP, Channel.Counter, Vn(5, 5, 9), Vn(5, 12, 17), Vn(5, 7, 9), DossierResult.Approved, fee: true);
        db.DossierDocuments.Add(new DossierDocument { Id = Guid.NewGuid(), DossierId = d13.Id, Name = "Tờ khai", Provided = true, AttachmentId = Guid.NewGuid() });
        // Open within time at the end.
        Add("d14", o.Department, five, StatisticsOrg.SpecialistD, Channel.Online, Vn(5, 13, 9), Vn(5, 20, 17), null, null);
        // Submitted online and never received: not counted.
        db.Dossiers.Add(new Dossier
        {
            Id = Guid.NewGuid(), ProcedureId = five, ReceivingUnitId = o.CommuneA, ProcessingUnitId = o.CommuneA, Channel = Channel.Online,
            Status = DossierStatus.Registered, SubmittedAt = Vn(5, 6, 9), Applicant = new Applicant { FullName = "Chưa tiếp nhận" },
        });
        // d1 has a document without a scan: not digitised.
        db.DossierDocuments.Add(new DossierDocument { Id = Guid.NewGuid(), DossierId = ids["d1"], Name = "Tờ khai", Provided = true });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return ids;

        Dossier Add(string name, Guid unit, Guid procedure, string? official, Channel channel, DateTimeOffset received,
            DateTimeOffset? appointment, DateTimeOffset? finished, DossierResult? result, bool fee = false)
        {
            var id = Guid.NewGuid();
            ids[name] = id;
            var status = result switch { null => DossierStatus.Processing, DossierResult.Approved => DossierStatus.Returned, _ => DossierStatus.Stopped };
            var dossier = new Dossier
            {
                Id = id, Code = $"000.00.50.H50-{received:yyMMdd}-{ids.Count:D4}", ProcedureId = procedure, ReceivingUnitId = unit, ProcessingUnitId = unit,
                Channel = channel, Status = status, Applicant = new Applicant { FullName = $"Công dân {name}" },
                SubmittedAt = received, ReceivedAt = received, ReceivedBy = StatisticsOrg.ClerkA, ClockStartedAt = received,
                AppointmentAt = appointment, OriginalAppointmentAt = appointment, FinishedAt = finished, Result = result,
                FeeAmount = fee ? 50_000 : 0, CreatedAt = received, UpdatedAt = finished ?? received,
            };
            db.Dossiers.Add(dossier);
            if (official is not null)
                db.DossierEvents.Add(new DossierEvent { DossierId = id, At = received.AddHours(1), Kind = "Assigned", Actor = "head", ActorName = "Trưởng phòng", Receiver = official });
            return dossier;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// <see cref="DossierWrites"/> writes what EF's SaveChanges would have: each kind of change a use case makes is applied to two twin
/// dossiers, one saved by EF (tracked), the other read untracked and written by <see cref="DossierWrites"/>, and their rows are
/// compared column by column (all but the keys and the code that tell the twins apart).
/// </summary>
public sealed class When_the_dossier_is_written_without_SaveChanges : DossierTest
{
    /// <summary>Tuesday 9:00 in Vietnam, as the database takes it (UTC).</summary>
    private static readonly DateTimeOffset At = Tuesday9.ToUniversalTime();

    /// <summary>Columns that differ between twins by construction.</summary>
    private static readonly string[] Twins = ["id", "code", "dossier_id", "workflow_instance_id"];

    [Test]
    public async Task Should_insert_a_new_dossier_with_its_documents_as_SaveChanges_does()
    {
        var (byEf, byUs) = (NewDossier(), NewDossier());
        await using (var scope = NewScope())
        {
            var db = DbOf(scope);
            db.Dossiers.Add(byEf);
            await db.SaveChangesAsync();
        }
        await WriteAsync(byUs, before: null, []);
        await ShouldBeTwinsAsync(byEf.Id, byUs.Id);
    }

    [Test]
    public async Task Should_write_changed_columns_documents_and_history_as_SaveChanges_does()
    {
        var (a, b) = await TwinsAsync();
        await ChangeBothAsync(a, b, (dossier, history, add) =>
        {
            dossier.Status = DossierStatus.Finished;
            dossier.Result = DossierResult.Approved;
            dossier.ResultNote = "Đã cấp giấy chứng nhận";
            dossier.MissingItems = ["Bản sao CCCD", "Biên bản họp"];
            dossier.Applicant.Phone = "0987 654 321";
            dossier.RetainUntil = new DateOnly(2036, 3, 3);
            dossier.Timeliness = Timeliness.Early;
            dossier.FeeAmount = 150000;
            var form = dossier.Documents.Single(d => d.Name == "Tờ khai");
            form.Provided = false;
            form.AttachmentId = Guid.Parse("0198a6f0-0000-7000-8000-000000000001");
            add(new DossierDocument { Id = Guid.CreateVersion7(), DossierId = dossier.Id, Name = "Giấy ủy quyền", Form = DocumentForm.Copy, Provided = true, FromSupplement = true });
            dossier.Revision++;
            history.Add(new DossierEvent
            {
                DossierId = dossier.Id, At = At, Kind = "Signed", Actor = TestOrg.HeadA, ActorName = "Trưởng phòng", ActorUnitId = Org.ShopA,
                Receiver = TestOrg.ClerkA, ReceiverName = "Văn thư", Step = "sign", Comment = "Ký duyệt", DueAt = At.AddDays(1),
                Timeliness = Timeliness.OnTime, Data = """{"next": []}""",
            });
        });
        await ShouldBeTwinsAsync(a, b);
    }

    [Test]
    public async Task Should_clean_text_as_the_save_interceptor_does()
    {
        var (a, b) = await TwinsAsync();
        await ChangeBothAsync(a, b, (dossier, history, _) =>
        {
            dossier.ResultNote = "Kết quả\0 có ký tự lạ\u0007";
            dossier.Applicant.FullName = "Nguyễn\r\nVăn\0 An";
            history.Add(new DossierEvent { DossierId = dossier.Id, At = At, Kind = "Noted", Actor = "x", ActorName = "Tên\0 lạ", Comment = "Dòng 1\r\nDòng\0 2" });
        });
        await ShouldBeTwinsAsync(a, b);
        (await RowAsync("dossiers", "id", b))["result_note"].ShouldBe((await RowAsync("dossiers", "id", a))["result_note"]);
    }

    [Test]
    public async Task Should_write_nothing_on_a_stale_revision_as_SaveChanges_does()
    {
        var (a, b) = await TwinsAsync();
        var (rowsA, rowsB) = (await VersionsAsync(a), await VersionsAsync(b));
        var read = await ReadAsync(b);
        await ExecuteAsync("UPDATE procedures.dossiers SET revision = revision + 1 WHERE id = $1", b);
        var ours = new List<DossierEvent>();
        StaleChange(read.Dossier, ours, read.Dossier.Documents.Add);
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => WriteAsync(read.Dossier, read.Snapshot, ours));

        await using (var scope = NewScope())
        {
            var db = DbOf(scope);
            var tracked = await db.Dossiers.Include(d => d.Documents).SingleAsync(d => d.Id == a);
            await ExecuteAsync("UPDATE procedures.dossiers SET revision = revision + 1 WHERE id = $1", a);
            var history = new List<DossierEvent>();
            StaleChange(tracked, history, document => db.DossierDocuments.Add(document));
            db.DossierEvents.AddRange(history);
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        // Only the revision moved behind the readers' backs: no column, document or history row of theirs was written.
        (await VersionsAsync(b)).Documents.ShouldBe(rowsB.Documents);
        (await VersionsAsync(a)).Documents.ShouldBe(rowsA.Documents);
        await ShouldBeTwinsAsync(a, b);
        (await RowAsync("dossiers", "id", b))["result_note"].ShouldBeNull();
        (await RowsAsync("dossier_events", b)).ShouldBeEmpty();
        (await RowsAsync("dossier_documents", b)).Count.ShouldBe(2);
    }

    /// <summary>A change touching the row, a document, a new document and the history, as a use case's would.</summary>
    private static void StaleChange(Dossier dossier, List<DossierEvent> history, Action<DossierDocument> add)
    {
        dossier.ResultNote = "late";
        dossier.Revision++;
        dossier.Documents.Single(d => d.Name == "Tờ khai").Provided = false;
        add(new DossierDocument { Id = Guid.CreateVersion7(), DossierId = dossier.Id, Name = "Giấy ủy quyền", Form = DocumentForm.Copy, Provided = true });
        history.Add(new DossierEvent { DossierId = dossier.Id, At = At, Kind = "Noted", Actor = "x", ActorName = "Muộn" });
    }

    [Test]
    public async Task Should_update_only_the_changed_columns_and_rows_as_SaveChanges_does()
    {
        var (a, b) = await TwinsAsync();
        // Written behind the readers' backs, without the revision: an UPDATE of every column would put the value read back.
        const string Behind = "UPDATE procedures.dossiers SET pages = 99, result_note = 'behind' WHERE id = $1";
        var (rowsA, rowsB) = (await VersionsAsync(a), await VersionsAsync(b));
        await ChangeBothAsync(a, b, (dossier, _, _) =>
        {
            dossier.Copies = 4;
            dossier.Revision++;
            dossier.Documents.Single(d => d.Name == "Bản sao").Provided = true;
        }, beforeWrite: id => ExecuteAsync(Behind, id));

        await ShouldBeTwinsAsync(a, b);
        var row = await RowAsync("dossiers", "id", b);
        new[] { row["pages"], row["result_note"], row["copies"], row["revision"] }.ShouldBe([99, "behind", 4, 2]);
        foreach (var (id, before) in new[] { (a, rowsA), (b, rowsB) })
        {
            var after = await VersionsAsync(id);
            after.Documents["Tờ khai"].ShouldBe(before.Documents["Tờ khai"], "a document that did not change is not written");
            after.Documents["Bản sao"].ShouldNotBe(before.Documents["Bản sao"]);
            after.Dossier.ShouldNotBe(before.Dossier);
        }
    }

    [Test]
    public async Task Should_write_no_row_when_nothing_changed()
    {
        var (_, b) = await TwinsAsync();
        var before = await VersionsAsync(b);
        var read = await ReadAsync(b);
        await WriteAsync(read.Dossier, read.Snapshot, []);
        var after = await VersionsAsync(b);
        (after.Dossier, after.Documents.Count).ShouldBe((before.Dossier, 2));
        after.Documents.ShouldBe(before.Documents);
    }

    [Test]
    public async Task Should_find_a_column_left_out()
    {
        var (a, b) = await TwinsAsync();
        await ChangeBothAsync(a, b, (dossier, _, _) => dossier.ResultNote = "Đã cấp");
        // As if the writer had left result_note out of its UPDATE.
        await ExecuteAsync("UPDATE procedures.dossiers SET result_note = NULL WHERE id = $1", b);
        var differences = Differences(await RowAsync("dossiers", "id", a), await RowAsync("dossiers", "id", b));
        differences.ShouldBe(["result_note"]);
    }

    [Test]
    public async Task Should_leave_other_changes_of_a_use_case_to_SaveChanges()
    {
        var receipt = await ReceiveComplete();
        await using (var scope = NewScope())
        {
            var useCase = scope.ServiceProvider.GetRequiredService<DossierUseCase>();
            await using var work = (await useCase.OpenAsync(receipt.DossierId, TestOrg.ClerkA, null, default)).Ok();
            work.Dossier.ResultNote = "Ghi chú";
            useCase.Db.Consultations.Add(new Consultation
            {
                Id = Guid.CreateVersion7(), DossierId = receipt.DossierId, ConsultedUnitId = Org.ShopA, Subject = "Xác minh", RequestedAt = At,
                RequestedBy = TestOrg.ClerkA,
            });
            await work.CommitAsync(default);
        }
        (await Db.Consultations.AsNoTracking().CountAsync(c => c.DossierId == receipt.DossierId)).ShouldBe(1);
        var dossier = await Db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == receipt.DossierId);
        (dossier.ResultNote, dossier.Revision).ShouldBe(("Ghi chú", receipt.Revision + 1));
    }

    private Dossier NewDossier()
    {
        var id = Guid.CreateVersion7();
        return new Dossier
        {
            Id = id, Code = $"T-{id:N}", ProcedureId = Org.Business, ReceivingUnitId = Org.ShopA, ProcessingUnitId = Org.ShopA,
            Channel = Channel.Counter, Status = DossierStatus.Accepted, SubmittedAt = At, ReceivedAt = At, ReceivedBy = TestOrg.ClerkA,
            AppointmentAt = At.AddDays(5), MissingItems = ["Tờ khai"], FeeAmount = 50000, Pages = 3, Copies = 1,
            Applicant = new Applicant { FullName = "Trần Thị Bình", IdNumber = "001190012345", BirthDate = new DateOnly(1990, 1, 2), Phone = "0912 000 111" },
            Documents =
            [
                new DossierDocument { Id = Guid.CreateVersion7(), DossierId = id, Name = "Tờ khai", Copies = 2, Form = DocumentForm.Original, Provided = true },
                new DossierDocument { Id = Guid.CreateVersion7(), DossierId = id, Name = "Bản sao", Form = DocumentForm.Copy, DigitisedOriginal = true },
            ],
            Revision = 1, CreatedAt = At, UpdatedAt = At,
        };
    }

    /// <summary>Two dossiers created alike, in the database.</summary>
    private async Task<(Guid, Guid)> TwinsAsync()
    {
        var (a, b) = (NewDossier(), NewDossier());
        await WriteAsync(a, null, []);
        await WriteAsync(b, null, []);
        return (a.Id, b.Id);
    }

    /// <summary>Applies <paramref name="change"/> to <paramref name="a"/> tracked and saved by EF, and to <paramref name="b"/> written by DossierWrites.</summary>
    /// <remarks><paramref name="beforeWrite"/> runs on each dossier's id after it was read, before it is written.</remarks>
    private async Task ChangeBothAsync(Guid a, Guid b, Action<Dossier, List<DossierEvent>, Action<DossierDocument>> change,
        Func<Guid, Task>? beforeWrite = null)
    {
        await using (var scope = NewScope())
        {
            var db = DbOf(scope);
            var tracked = await db.Dossiers.Include(d => d.Documents).SingleAsync(d => d.Id == a);
            if (beforeWrite is not null) await beforeWrite(a);
            var history = new List<DossierEvent>();
            // Added explicitly, as the use cases did: a set Guid key on a navigation would be taken for an existing row.
            change(tracked, history, document => db.DossierDocuments.Add(document));
            db.DossierEvents.AddRange(history);
            await db.SaveChangesAsync();
        }
        var read = await ReadAsync(b);
        if (beforeWrite is not null) await beforeWrite(b);
        var ours = new List<DossierEvent>();
        change(read.Dossier, ours, read.Dossier.Documents.Add);
        await WriteAsync(read.Dossier, read.Snapshot, ours);
        ours.ShouldAllBe(e => e.Id > 0);
    }

    private async Task<(Dossier Dossier, DossierSnapshot Snapshot)> ReadAsync(Guid id)
    {
        await using var scope = NewScope();
        var db = DbOf(scope);
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Documents.OrderBy(x => x.Id)).SingleAsync(d => d.Id == id);
        return (dossier, DossierSnapshot.Of(db.Model, dossier));
    }

    private async Task WriteAsync(Dossier dossier, DossierSnapshot? before, List<DossierEvent> history)
    {
        await using var scope = NewScope();
        var db = DbOf(scope);
        await using var tx = await db.Database.BeginTransactionAsync();
        await DossierWrites.WriteAsync(db.Model, (NpgsqlTransaction)tx.GetDbTransaction(), dossier, before, history, default);
        await tx.CommitAsync();
    }

    private async Task ShouldBeTwinsAsync(Guid a, Guid b)
    {
        Differences(await RowAsync("dossiers", "id", a), await RowAsync("dossiers", "id", b)).ShouldBeEmpty("dossier row");
        var (documentsA, documentsB) = (await RowsAsync("dossier_documents", a), await RowsAsync("dossier_documents", b));
        documentsB.Count.ShouldBe(documentsA.Count);
        for (var i = 0; i < documentsA.Count; i++) Differences(documentsA[i], documentsB[i]).ShouldBeEmpty($"document {i}");
        var (eventsA, eventsB) = (await RowsAsync("dossier_events", a), await RowsAsync("dossier_events", b));
        eventsB.Count.ShouldBe(eventsA.Count);
        for (var i = 0; i < eventsA.Count; i++) Differences(eventsA[i], eventsB[i]).ShouldBeEmpty($"history row {i}");
    }

    /// <summary>The row versions (<c>xmin</c>) of the dossier's row and of its documents by name: a row written since has another.</summary>
    private async Task<(string Dossier, Dictionary<string, string> Documents)> VersionsAsync(Guid id)
    {
        var dossier = (await QueryAsync("SELECT xmin::text AS v FROM procedures.dossiers WHERE id = $1", id)).Single()["v"]!;
        var documents = await QueryAsync("SELECT name, xmin::text AS v FROM procedures.dossier_documents WHERE dossier_id = $1", id);
        return ((string)dossier, documents.ToDictionary(d => (string)d["name"]!, d => (string)d["v"]!));
    }

    private static List<string> Differences(Dictionary<string, object?> a, Dictionary<string, object?> b) =>
        a.Keys.Where(k => !Twins.Contains(k) && !Same(a[k], b[k])).ToList();

    private static bool Same(object? a, object? b) =>
        a is Array x && b is Array y ? x.Cast<object?>().SequenceEqual(y.Cast<object?>()) : Equals(a, b);

    private async Task<Dictionary<string, object?>> RowAsync(string table, string key, Guid id) => (await QueryAsync($"SELECT * FROM procedures.{table} WHERE {key} = $1", id)).Single();

    /// <summary>A dossier's documents (by name) or history rows (in order), without their keys.</summary>
    private Task<List<Dictionary<string, object?>>> RowsAsync(string table, Guid dossier) =>
        QueryAsync($"SELECT * FROM procedures.{table} WHERE dossier_id = $1 ORDER BY {(table == "dossier_events" ? "id" : "name")}", dossier);

    private async Task<List<Dictionary<string, object?>>> QueryAsync(string sql, Guid id)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var r = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await r.ReadAsync())
            rows.Add(Enumerable.Range(0, r.FieldCount).ToDictionary(r.GetName, i => r.IsDBNull(i) ? null : r.GetValue(i)));
        return rows;
    }

    private async Task ExecuteAsync(string sql, Guid id)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync();
    }

    private static ProceduresDb DbOf(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ProceduresDb>();
}

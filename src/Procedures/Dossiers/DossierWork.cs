using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.ReferenceData;

namespace Procedures.Dossiers;

/// <summary>
/// One use case on one dossier in one transaction: the dossier row is locked so use cases on it queue instead of
/// racing, the actor is checked against the units taking part (others get NotFound, so existence does not leak),
/// and the engine call, the dossier change, its event and its messages commit together or not at all.
/// </summary>
internal sealed partial class DossierWork : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly ProceduresDb _db;
    private readonly IDbContextTransaction _tx;
    private readonly OfficialDirectory _officials;
    /// <summary>Names of the officials this use case looked up, so that naming them in its history costs no query.</summary>
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private bool _committed;
    /// <summary>The dossier as read under the lock (its changes are written from it at the commit); null for a dossier this use case creates.</summary>
    private DossierSnapshot? _read;
    /// <summary>The history rows this use case recorded, written at the commit.</summary>
    private readonly List<DossierEvent> _history = [];
    /// <summary>
    /// The workflow instance as the opening batch locked it, for the engine's next completion; dropped once the transaction is used
    /// in any other way (<see cref="Transaction"/>), which could change the instance behind it.
    /// </summary>
    private InstanceLock? _locked;
    /// <summary>The engine's writes of a start left to this use case's commit batch (<see cref="StartInstance.DeferWrite"/>); null when written.</summary>
    private PendingWrite? _pending;
    /// <summary>Held until the transaction ends (<see cref="Hold"/>).</summary>
    private IDisposable? _held;

    private DossierWork(ProceduresDb db, IDbContextTransaction tx, OfficialDirectory officials, Actor actor,
        VietnameseCalendar calendar, DossierSettings settings, DateTimeOffset now)
    {
        (_db, _tx, _officials, Actor, Calendar, Settings, Now) = (db, tx, officials, actor, calendar, settings, now);
        _names[actor.UserName] = actor.FullName;
    }

    public Actor Actor { get; }
    public Dossier Dossier { get; private set; } = null!;
    public VietnameseCalendar Calendar { get; }
    public DossierSettings Settings { get; }
    public DateTimeOffset Now { get; }
    public ProceduresDb Db => _db;
    /// <summary>The reference data this use case may take from the cache (confirmed current at the dossier's lock when it opened one).</summary>
    /// <summary>Whether this use case creates the dossier (it is not in the database yet).</summary>
    public bool IsNew => _read is null;
    public ReferenceCache.Snapshot Reference { get; private init; } = ReferenceCache.Uncached();
    public NpgsqlTransaction Transaction
    {
        get
        {
            _locked = null;
            return Tx;
        }
    }

    private NpgsqlTransaction Tx => (NpgsqlTransaction)_tx.GetDbTransaction();
    public IReadOnlyList<DossierWorkItem> WorkItems { get; private set; } = [];
    /// <summary>The section or official in charge of the dossier's processing (<see cref="DossierRoutes"/>); null: the unit's default queue.</summary>
    public DossierRoute? Route { get; set; }
    public IEnumerable<DossierWorkItem> OpenItems => WorkItems.Where(w => w.IsOpen);
    public string ReceivingUnit => Dossier.ReceivingUnitId.ToString();

    public static DomainError NoSuchDossier { get; } = DomainError.NotFound("dossier", "hồ sơ");

    /// <summary>
    /// Starts a use case on an existing dossier: NotFound when it does not exist or the actor takes no part in it; StaleRevision when
    /// <paramref name="expectedRevision"/> is given and the locked row has another.
    /// </summary>
    public static Task<DomainResult<DossierWork>> OpenAsync(ProceduresDb db, OfficialDirectory officials, CalendarProvider calendar,
        TimeProvider clock, DossierSettings settings, Guid dossierId, string actorName, int? expectedRevision, CancellationToken ct) =>
        OpenAsync(db, officials, calendar, clock, settings, dossierId, actorName, (actor, units) => units.Any(actor.BelongsTo) ? null : NoSuchDossier,
            expectedRevision, ct);

    /// <summary>
    /// Starts a leader's use case (chỉ đạo): NotFound when the dossier does not exist, Forbidden for an official taking no part
    /// in it (a leader of another unit learns no more than that it is not theirs to direct).
    /// </summary>
    public static Task<DomainResult<DossierWork>> OpenForLeaderAsync(ProceduresDb db, OfficialDirectory officials, CalendarProvider calendar,
        TimeProvider clock, DossierSettings settings, Guid dossierId, string actorName, DomainError notTheirs, int? expectedRevision, CancellationToken ct) =>
        OpenAsync(db, officials, calendar, clock, settings, dossierId, actorName,
            (actor, units) => units.Count == 0 ? NoSuchDossier : units.Any(actor.BelongsTo) ? null : notTheirs, expectedRevision, ct);

    /// <param name="refusal">Why the actor may not act on a dossier with these units taking part; null when they may.</param>
    private static async Task<DomainResult<DossierWork>> OpenAsync(ProceduresDb db, OfficialDirectory officials, CalendarProvider calendar,
        TimeProvider clock, DossierSettings settings, Guid dossierId, string actorName, Func<Actor, IReadOnlyList<Guid>, DomainError?> refusal,
        int? expectedRevision, CancellationToken ct)
    {
        // The actor comes from the cached reference data, confirmed current by the locking batch; when it was not, the use case
        // opens again on fresh reads, and that second opening stands as one with no cache would.
        var cached = officials.Reference.Current;
        var opened = await OpenAsync(db, officials, calendar, clock, settings, dossierId, actorName, refusal, expectedRevision, cached, ct);
        if (opened.Error == StaleReference)
            opened = await OpenAsync(db, officials, calendar, clock, settings, dossierId, actorName, refusal, expectedRevision, null, ct);
        return opened;
    }

    /// <summary>The cached reference data changed since <see cref="Reference"/> was taken.</summary>
    private static readonly DomainError StaleReference = DomainError.Conflict("reference-changed", "Dữ liệu danh mục vừa thay đổi.", "Reference data changed.");

    /// <param name="cached">The reference data to check the actor on, confirmed by the locking batch; null: read afresh, no confirmation.</param>
    private static async Task<DomainResult<DossierWork>> OpenAsync(ProceduresDb db, OfficialDirectory officials, CalendarProvider calendar,
        TimeProvider clock, DossierSettings settings, Guid dossierId, string actorName, Func<Actor, IReadOnlyList<Guid>, DomainError?> refusal,
        int? expectedRevision, ReferenceCache.Snapshot? cached, CancellationToken ct)
    {
        var actor = cached is null ? await officials.FindAsync(actorName ?? "", ct) : await cached.ActorAsync(officials, actorName ?? "", ct);
        // Unknown is never cached, so this was read from the database just now: the fresh opening reads it again and answers.
        if (actor is null) return cached is null ? NoSuchDossier : StaleReference;
        var tx = await BeginAsync(db, ct);
        var work = new DossierWork(db, tx, officials, actor, calendar.Current, settings, clock.GetUtcNow()) { Reference = cached ?? ReferenceCache.Uncached() };
        try
        {
            // The row is locked before anything of it is read, and the dossier is not loaded for someone who may not act on it.
            var (units, workItems, route, generation, dossier, instance) = await DossierParticipants.LockAsync(work.Tx, db.Model, dossierId, ct);
            if (cached is not null && !officials.Reference.Confirm(cached, generation)) { await work.DisposeAsync(); return StaleReference; }
            if (refusal(actor, units) is { } refused) { await work.DisposeAsync(); return refused; }
            if (dossier is null) { await work.DisposeAsync(); return NoSuchDossier; }
            // Checked under the row lock: nobody can change the revision between this check and the commit.
            if (expectedRevision is { } expected && dossier.Revision != expected) { await work.DisposeAsync(); return DomainError.StaleRevision(dossier.Revision); }
            work.Dossier = dossier;
            work._read = DossierSnapshot.Of(db.Model, dossier);
            work._locked = instance;
            work.WorkItems = workItems;
            work.Route = route;
            return work;
        }
        catch
        {
            await work.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a use case that creates the dossier (reception at the counter, online submission).</summary>
    public static async Task<DossierWork> BeginNewAsync(ProceduresDb db, OfficialDirectory officials, CalendarProvider calendar,
        TimeProvider clock, DossierSettings settings, Actor actor, Dossier dossier, CancellationToken ct)
    {
        var tx = await BeginAsync(db, ct);
        return new DossierWork(db, tx, officials, actor, calendar.Current, settings, clock.GetUtcNow()) { Dossier = dossier };
    }

    /// <summary>
    /// A use case's transaction. EF's automatic savepoint around SaveChanges is off: a use case whose save fails is rolled
    /// back whole, never retried inside the transaction, so the savepoint was two round trips that nothing used.
    /// </summary>
    private static async Task<IDbContextTransaction> BeginAsync(ProceduresDb db, CancellationToken ct)
    {
        db.Database.AutoSavepointsEnabled = false;
        return await db.Database.BeginTransactionAsync(ct);
    }

    /// <summary>
    /// The open work item at one of <paramref name="steps"/> that the actor may take: Invalid naming <c>action</c>
    /// when the dossier is elsewhere, Forbidden when the actor lacks the step's role in the step's unit.
    /// </summary>
    public DomainResult<DossierWorkItem> ItemFor(string action, params string[] steps)
    {
        var candidates = OpenItems.Where(w => steps.Contains(w.StepId)).ToList();
        if (candidates.Count == 0)
        {
            var where = OpenItems.Any() ? string.Join(", ", OpenItems.Select(w => w.StepId).Distinct()) : Dossier.Status.ToString();
            return DomainError.Invalid("action", "action-not-allowed",
                $"Thao tác '{action}' không được phép ở bước hiện tại của hồ sơ ({where}).",
                $"Action '{action}' is not allowed at the dossier's current step ({where}).");
        }
        if (candidates.FirstOrDefault(w => Actor.Holds(w.Role, w.Unit)) is not { } item)
            return DomainError.Forbidden($"Bạn không có vai trò '{candidates[0].Role}' tại đơn vị của bước này.",
                $"You do not hold the role '{candidates[0].Role}' in the unit of this step.");
        return Route is { } route && route.Excludes(Actor, item) ? NotInCharge : item;
    }

    /// <summary>
    /// The work item the engine took for this use case in the call that opened it (<see cref="StartInstance.FirstStep"/>), held to
    /// the rules of <see cref="ItemFor"/>: the actor holds its role in its unit and is not kept away by the dossier's route.
    /// </summary>
    public DomainResult<DossierWorkItem> Took(string action, WorkItemInfo? taken)
    {
        if (taken is null)
            return DomainError.Invalid("action", "action-not-allowed", $"Thao tác '{action}' không được phép ở bước hiện tại của hồ sơ.",
                $"Action '{action}' is not allowed at the dossier's current step.");
        var item = new DossierWorkItem(taken.Id, taken.StepId, taken.Title, taken.Role, taken.UnitId, taken.Assignee, null, taken.Branch,
            taken.CreatedAt, taken.DueAt, IsOpen: false);
        if (!Actor.Holds(item.Role, item.Unit))
            return DomainError.Forbidden($"Bạn không có vai trò '{item.Role}' tại đơn vị của bước này.", $"You do not hold the role '{item.Role}' in the unit of this step.");
        return Route is { } route && route.Excludes(Actor, item) ? NotInCharge : item;
    }

    /// <summary>The open item at <paramref name="step"/> in a unit the actor leads (leader or deputy): a leader directs within their unit.</summary>
    public DossierWorkItem? LeaderItem(string step) =>
        OpenItems.FirstOrDefault(w => w.StepId == step && w.Unit is { } unit && Actor.HasRole(Role.UnitLeader, unit));

    /// <summary>The dossier is routed to a section or official in charge of its sector or procedure, and the actor is not them.</summary>
    public static DomainError NotInCharge { get; } = new(ErrorKind.Forbidden, "not-in-charge",
        "Hồ sơ thuộc lĩnh vực (thủ tục) do phòng, ban hoặc cán bộ khác phụ trách.",
        "The dossier's sector (procedure) is in the charge of another section or official.");

    /// <summary>An official as of today (null when unknown or inactive), remembered for naming in this use case's history.</summary>
    public async Task<Actor?> FindOfficialAsync(string userName, CancellationToken ct)
    {
        var official = await Reference.ActorAsync(_officials, userName, ct);
        if (official is not null) _names[official.UserName] = official.FullName;
        return official;
    }

    /// <summary>Takes the open work items from an engine result: where the instance stands after it, with no read of ours.</summary>
    public void Follow(TransitionResult moved) => WorkItems = moved.OpenWorkItems.Select(DossierWorkItem.From).ToList();

    public async Task ReloadWorkItemsAsync(CancellationToken ct) =>
        WorkItems = Dossier.WorkflowInstanceId is { } id ? await EngineRows.WorkItemsAsync(Transaction, id, ct) : [];

    /// <summary>Writes a message to the engine's outbox in this transaction, for facts that are not an engine transition.</summary>
    public Task AddMessageAsync<T>(T message, CancellationToken ct)
    {
        if (_pending is null) return EngineRows.AddOutboxAsync(Transaction, Dossier.WorkflowInstanceId, Now, OutboxMessage.From(message), ct);
        // The instance is not written yet: the message goes with its writes, after the engine's own messages.
        Engine.Outbox.OutboxWriter.AddTo(_pending.Batch, Dossier.WorkflowInstanceId, [OutboxMessage.From(message)], Now);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        Dossier.UpdatedAt = Now;
        Dossier.Revision++;
        await DossierWrites.WriteAsync(_db.Model, Transaction, Dossier, _read, _history, ct, _pending?.Batch);
        _pending?.Sent();
        // What else the use case added to the context (a consultation, a signed result): after the dossier, which it may refer to.
        if (_db.ChangeTracker.HasChanges()) await _db.SaveChangesAsync(ct);
        await _tx.CommitAsync(ct);
        _committed = true;
        _held?.Dispose();
    }

    /// <summary>Keeps <paramref name="turn"/> (a <see cref="DossierNumberGate"/> turn) until the transaction has ended, committed or not.</summary>
    public void Hold(IDisposable turn) => _held = turn;

    /// <summary>Rolls back unless committed, and then forgets the changes made in memory so the context is not left dirty.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_pending is not null) await _pending.DisposeAsync();
        try
        {
            await _tx.DisposeAsync();
        }
        finally
        {
            _held?.Dispose();
        }
        _db.Database.AutoSavepointsEnabled = true;
        if (!_committed) _db.ChangeTracker.Clear();
    }
}

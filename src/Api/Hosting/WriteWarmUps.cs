using System.Text.Json;
using Api.Dossiers;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Hosting;

/// <summary>
/// A step as an official takes it (a section head assigns a dossier waiting at <c>assign</c> to a specialist of its unit), through
/// the endpoint's validator, <see cref="AssignDossierHandler"/> and the response, with the commit rolled back
/// (<see cref="CommitsRolledBack"/>): the row lock, the engine's transition and outbox insert, the history row and the dossier's
/// update all run, and nothing stays. The dossier is chosen once; a refusal fails the step (logged, left out of the next rounds).
/// </summary>
public sealed class StepWarmUp : IWarmUpStep
{
    private (string Head, Guid DossierId, string Specialist)? _subject;
    private bool _looked;

    public string Name => "a step, rolled back";

    public async Task<bool> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!CommitsRolledBack.IsInstalledOn(services.GetRequiredService<ProceduresDb>())) return false;
        if (!_looked)
        {
            (_subject, _looked) = (await FindAsync(services, ct), true);
            if (_subject is null) services.GetRequiredService<ILogger<StepWarmUp>>().LogInformation("Warm-up: no dossier waits at 'assign' with a specialist to assign it to; no step is warmed");
        }
        if (_subject is not { } s) return false;
        var request = new AssignRequest(s.Specialist, "Khởi động");
        await services.GetRequiredService<IValidator<AssignRequest>>().ValidateAsync(request, ct);
        using (CommitsRolledBack.Begin())
        {
            var moved = await services.GetRequiredService<AssignDossierHandler>().HandleAsync(
                new AssignDossier(s.DossierId, s.Head, request.Specialist, request.Instructions), ct);
            // A refusal is a failure of the warm-up (logged, the step left out): the subject was chosen to be acceptable.
            if (moved.Value is not { } state) throw new InvalidOperationException($"The step was refused: {moved.Error!.Code} {moved.Error.MessageEn}");
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            await JsonSerializer.SerializeAsync(Stream.Null, DossierAction.Response(new DefaultHttpContext(), state, state.Revision), json, ct);
            return true;
        }
    }

    /// <summary>An official with a dossier waiting at <c>assign</c> in their inbox, and a specialist of that step's unit.</summary>
    private static async Task<(string, Guid, string)?> FindAsync(IServiceProvider services, CancellationToken ct)
    {
        var officials = await WarmUpSubjects.OfficialsAsync(services, ct);
        var inbox = services.GetRequiredService<InboxQuery>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var actor in officials)
        {
            var page = await inbox.ListAsync(actor, InboxScope.Mine, null, now, now, 1, 50, ct);
            foreach (var item in page.Items.Where(i => i.StepId == DossierSteps.Assign && i.UnitId is not null))
                if (officials.FirstOrDefault(o => o.UserName != actor.UserName && o.HasRole(Role.Specialist, item.UnitId!.Value)) is { } specialist)
                    return (actor.UserName, item.DossierId, specialist.UserName);
        }
        return null;
    }
}

/// <summary>
/// A reception at the counter as a clerk makes it, through the endpoint's validator, <see cref="ReceiveDossierHandler"/> and the
/// receipt, with the commit rolled back (<see cref="CommitsRolledBack"/>): the dossier code's counter, the workflow instance, the
/// history, the dossier and its documents are written and none of it stays. It copies the newest counter dossier's procedure,
/// units and applicant, with the procedure's required documents handed in, by a clerk of its receiving unit.
/// </summary>
public sealed class ReceptionWarmUp : IWarmUpStep
{
    private ReceiveAtCounterRequest? _request;
    private string? _clerk;
    private bool _looked;

    public string Name => "a reception, rolled back";

    public async Task<bool> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!CommitsRolledBack.IsInstalledOn(services.GetRequiredService<ProceduresDb>())) return false;
        if (!_looked) (_clerk, _request, _looked) = await FindAsync(services, ct) is var (clerk, request) ? (clerk, request, true) : (null, null, true);
        if (_request is not { } r || _clerk is not { } name) return false;
        await services.GetRequiredService<IValidator<ReceiveAtCounterRequest>>().ValidateAsync(r, ct);
        using (CommitsRolledBack.Begin())
        {
            var received = await services.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter(name, r.ReceivingUnitId,
                r.ProcedureId, r.Applicant, r.Documents, r.Decision, ProcessingUnitId: r.ProcessingUnitId, Copies: r.Copies, Pages: r.Pages), ct);
            if (received.Value is not { } receipt) throw new InvalidOperationException($"The reception was refused: {received.Error!.Code} {received.Error.MessageEn}");
            await JsonSerializer.SerializeAsync(Stream.Null, receipt, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, ct);
            return true;
        }
    }

    private static async Task<(string, ReceiveAtCounterRequest)?> FindAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ProceduresDb>();
        var newest = await db.Dossiers.AsNoTracking().Where(d => d.Channel == Channel.Counter && d.Code != null)
            .OrderByDescending(d => d.CreatedAt).Select(d => new { d.ProcedureId, d.ReceivingUnitId, d.ProcessingUnitId, d.Applicant, d.Copies, d.Pages })
            .FirstOrDefaultAsync(ct);
        if (newest is null) return null;
        var officials = await WarmUpSubjects.OfficialsAsync(services, ct);
        if (officials.FirstOrDefault(o => o.HasRole(Role.Clerk, newest.ReceivingUnitId)) is not { } clerk) return null;
        var documents = await db.ProcedureDocuments.AsNoTracking().Where(d => d.ProcedureId == newest.ProcedureId && !d.IsOptional)
            .OrderBy(d => d.Order).Select(d => new HandedDocument(d.Id)).ToListAsync(ct);
        var a = newest.Applicant;
        var applicant = new ApplicantData(a.FullName, a.IdNumber, a.Phone, a.Email, a.Address, a.BirthDate, a.OrganisationName, a.TaxCode);
        return (clerk.UserName, new ReceiveAtCounterRequest(newest.ReceivingUnitId, newest.ProcedureId, applicant, documents,
            ProcessingUnitId: newest.ProcessingUnitId, Copies: newest.Copies, Pages: newest.Pages));
    }
}

/// <summary>The officials the warm-up acts as: the first active ones by user name, as the domain sees them.</summary>
internal static class WarmUpSubjects
{
    public static async Task<IReadOnlyList<Actor>> OfficialsAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ProceduresDb>();
        var names = await db.Officials.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.UserName).Select(o => o.UserName).Take(200).ToListAsync(ct);
        var directory = services.GetRequiredService<OfficialDirectory>();
        var actors = new List<Actor>();
        foreach (var name in names)
            if (await directory.FindAsync(name, ct) is { } actor) actors.Add(actor);
        return actors;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// Reads of dossiers for officials (only the dossiers of units they belong to; others are NotFound) and the
/// public tracking by code and a second factor.
/// </summary>
public sealed partial class DossierQueries(ProceduresDb db, InstanceQueries instances, OfficialDirectory officials)
{
    /// <summary>
    /// The dossier with its documents, history, consultations and open steps, in one statement: PostgreSQL assembles
    /// the page as one JSON document, and only when a unit taking part (<see cref="DossierParticipants"/>) is one of the
    /// official's. A dossier page was ten round trips; each one costs more CPU on both sides than the rows it carries.
    /// </summary>
    public async Task<DomainResult<DossierDetails>> GetAsync(Guid dossierId, string actorName, CancellationToken ct = default)
    {
        var actor = await officials.FindAsync(actorName ?? "", ct);
        if (actor is null) return DossierWork.NoSuchDossier;
        var json = await db.Database.SqlQueryRaw<string>(PageSql, new NpgsqlParameter("dossier", dossierId), new NpgsqlParameter("units", actor.UnitIds.ToArray()))
            .SingleOrDefaultAsync(ct);
        if (json is null) return DossierWork.NoSuchDossier;
        var page = JsonSerializer.Deserialize<DossierPageRow>(json, PageJson)!;
        var d = page.Dossier;
        return new DossierDetails(d.Id, d.Code, d.Status, d.Status.Vietnamese(), d.Status.English(), d.ProcedureId, page.ProcedureCode, page.ProcedureName,
            d.ReceivingUnitId, d.ProcessingUnitId, d.Channel, ApplicantData.From(page.Applicant), d.CitizenAccountId,
            DossierMapping.Dates(d), DossierMapping.Outcome(d), d.FeeAmount, d.MissingItems,
            page.Documents.Select(DossierMapping.Document).ToList(), page.Events.Select(DossierMapping.Event).ToList(), page.OpenWorkItems,
            page.Consultations.Select(DossierMapping.Consultation).ToList(), d.Revision);
    }

    private static readonly string PageSql = $$"""
            SELECT json_build_object(
                'dossier', to_json(d),
                'applicant', json_build_object('full_name', d.applicant_name, 'id_number', d.applicant_id_number,
                    'birth_date', d.applicant_birth_date, 'phone', d.applicant_phone, 'email', d.applicant_email,
                    'address', d.applicant_address, 'organisation_name', d.applicant_organisation, 'tax_code', d.applicant_tax_code),
                'procedure_code', p.code,
                'procedure_name', p.name,
                'documents', ARRAY(SELECT to_json(x) FROM procedures.dossier_documents x WHERE x.dossier_id = d.id ORDER BY x.id),
                'consultations', ARRAY(SELECT to_json(c) FROM procedures.consultations c WHERE c.dossier_id = d.id ORDER BY c.requested_at, c.id),
                'events', ARRAY(SELECT to_jsonb(e) - 'data' || jsonb_build_object('data', e.data::text)
                                FROM procedures.dossier_events e WHERE e.dossier_id = d.id ORDER BY e.id),
                'open_work_items', ARRAY(SELECT json_build_object('id', w.id, 'instance_id', w.instance_id, 'definition_id', w.definition_id,
                        'business_key', w.business_key, 'step_id', w.step_id, 'title', w.title, 'role', w.role, 'unit_id', w.unit_id,
                        'assignee', w.assignee, 'claimed_by', w.claimed_by, 'branch', w.branch, 'created_at', w.created_at,
                        'due_at', w.due_at, 'revision', w.revision, 'token_id', w.token_id)
                    FROM {{EngineReadModel.WorkItems}} w WHERE w.instance_id = d.workflow_instance_id AND w.status = 'Open' ORDER BY w.created_at, w.id)
            )::text AS "Value"
            FROM procedures.dossiers d JOIN procedures.procedures p ON p.id = d.procedure_id
            WHERE d.id = @dossier AND ({{DossierParticipants.UnitsOf("d")}}) && @units
        """;

    private sealed record DossierPageRow(Dossier Dossier, Applicant Applicant, string ProcedureCode, string ProcedureName,
        List<DossierDocument> Documents, List<Consultation> Consultations, List<DossierEvent> Events, List<WorkItemView> OpenWorkItems);

    /// <summary>Column names are the snake_case of the properties, as the EF model maps them; times come back in UTC as EF reads them.</summary>
    private static readonly JsonSerializerOptions PageJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(), new UtcTimes() },
    };

    private sealed class UtcTimes : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

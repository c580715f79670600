using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>A blank form as stored for a procedure's document.</summary>
public sealed record TemplateFile(Guid DocumentId, string FileName, string ContentType, byte[] Content);

/// <summary>An administrator uploads the blank form of one of a procedure's documents, replacing the one before.</summary>
public sealed record UploadDocumentTemplate(Guid ProcedureId, Guid DocumentId, string? FileName, byte[] Content);

/// <summary>The table <c>procedures.document_template_files</c>: the upload (system administrators) and the public download.</summary>
public sealed class TemplateFiles(ProceduresDb db, NpgsqlDataSource data, TimeProvider clock)
{
    public async Task<DomainResult<DocumentView>> UploadAsync(Actor actor, UploadDocumentTemplate request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        var document = await db.ProcedureDocuments.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == request.DocumentId && d.ProcedureId == request.ProcedureId, ct);
        if (document is null) return DomainError.NotFound("document", "thành phần hồ sơ") with { Field = "documentId" };
        var kind = TemplateFileRules.Check(request.FileName, request.Content);
        if (kind.Error is { } refused) return refused;

        await using var command = data.CreateCommand("""
            INSERT INTO procedures.document_template_files (procedure_document_id, file_name, content_type, content, sha256, uploaded_by, uploaded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (procedure_document_id) DO UPDATE SET file_name = excluded.file_name, content_type = excluded.content_type,
                content = excluded.content, sha256 = excluded.sha256, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at
            """);
        foreach (var value in new object[] { document.Id, TemplateFileRules.CleanName(request.FileName, kind.Value!), kind.Value!.ContentType, request.Content,
            Convert.ToHexStringLower(SHA256.HashData(request.Content)), actor.UserName, clock.GetUtcNow() })
            command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(ct);
        return new DocumentView(document.Id, document.Order, document.Name, document.Copies, document.Form, document.IsOptional, document.TemplateName)
            { HasTemplateFile = true };
    }

    /// <summary>The blank form of a document of an active procedure, for anyone; null when there is none.</summary>
    public async Task<TemplateFile?> FindAsync(Guid procedureId, Guid documentId, CancellationToken ct = default)
    {
        await using var command = data.CreateCommand("""
            SELECT t.file_name, t.content_type, t.content
            FROM procedures.document_template_files t
            JOIN procedures.procedure_documents d ON d.id = t.procedure_document_id
            JOIN procedures.procedures p ON p.id = d.procedure_id
            WHERE t.procedure_document_id = $1 AND d.procedure_id = $2 AND p.is_active
            """);
        command.Parameters.Add(new() { Value = documentId });
        command.Parameters.Add(new() { Value = procedureId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new TemplateFile(documentId, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)) : null;
    }

    /// <summary>Which of the documents have a blank form, read with the procedure's detail.</summary>
    internal static async Task<HashSet<Guid>> WithFileAsync(ProceduresDb db, IReadOnlyList<Guid> documentIds, CancellationToken ct)
    {
        if (documentIds.Count == 0) return [];
        var ids = documentIds.ToArray();
        return [.. await db.Database.SqlQuery<Guid>(
            $"SELECT procedure_document_id AS \"Value\" FROM procedures.document_template_files WHERE procedure_document_id = ANY({ids})").ToListAsync(ct)];
    }

    /// <summary>Where the public downloads a document's blank form.</summary>
    public static string DownloadPath(Guid procedureId, Guid documentId) => $"/api/v1/catalogue/procedures/{procedureId}/documents/{documentId}/template";
}

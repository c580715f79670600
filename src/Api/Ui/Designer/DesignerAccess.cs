using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui.Designer;

/// <summary>The designer page asks <see cref="WorkflowDesignRights"/> as the definition endpoints do, before opening, saving or publishing.</summary>
public static class DesignerAccess
{
    public static async Task<DomainResult<bool>> CheckAsync(IServiceProvider services, Actor actor, string definitionId) =>
        await WorkflowDesignRights.CheckAsync(services.GetRequiredService<ProceduresDb>(), actor, definitionId) is { } denied ? denied : DomainResult<bool>.Ok(true);
}

using Microsoft.AspNetCore.Authorization;
using Procedures.Organisation;

namespace Api.Accounts;

/// <summary>
/// Endpoint-level policies say which kind of caller may come in; what they may do to which dossier or unit is
/// decided by the domain (unit scope, workflow roles), which answers NotFound for what the caller may not see.
/// </summary>
public static class Policies
{
    public const string Official = "official";
    public const string Citizen = "citizen";
    /// <summary>An official who administers some unit (unit admin) or the system.</summary>
    public const string Administrator = "administrator";
    public const string SystemAdministrator = "system-administrator";
    /// <summary>A system administrator or a unit's ISO officer: the workflow designer; which workflows is decided per workflow.</summary>
    public const string WorkflowDesigner = "workflow-designer";
    public const string IntegrationStatus = "integration:dossiers.status";

    public const string ScopeDossierStatus = "dossiers.status";
    public const string ScopeCatalogue = "catalogue.read";

    public static AuthorizationBuilder AddIsoPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Official, p => p.RequireAuthenticatedUser().RequireClaim(IsoClaims.Kind, nameof(AccountKind.Official)))
        .AddPolicy(Citizen, p => p.RequireAuthenticatedUser().RequireClaim(IsoClaims.Kind, nameof(AccountKind.Citizen)))
        .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireClaim(IsoClaims.Kind, nameof(AccountKind.Official))
            .AddRequirements(new AdministratorRequirement(SystemOnly: false)))
        .AddPolicy(SystemAdministrator, p => p.RequireAuthenticatedUser().RequireClaim(IsoClaims.Kind, nameof(AccountKind.Official))
            .AddRequirements(new AdministratorRequirement(SystemOnly: true)))
        .AddPolicy(WorkflowDesigner, p => p.RequireAuthenticatedUser().RequireClaim(IsoClaims.Kind, nameof(AccountKind.Official))
            .AddRequirements(new WorkflowDesignerRequirement()))
        .AddPolicy(IntegrationStatus, p => p.RequireAuthenticatedUser().RequireClaim(IsoClaims.Kind, IsoClaims.SystemKind)
            .RequireClaim(IsoClaims.Scope, ScopeDossierStatus));
}

/// <summary>Holds an admin role today: roles are effective-dated data, so they are read at each request, not baked into tickets.</summary>
public sealed record AdministratorRequirement(bool SystemOnly) : IAuthorizationRequirement;

public sealed class AdministratorHandler(OfficialDirectory officials) : AuthorizationHandler<AdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdministratorRequirement requirement)
    {
        if (CurrentUser.From(context.User) is not { IsOfficial: true } user) return;
        var actor = await officials.FindAsync(user.Name);
        if (actor is null) return;
        if (actor.IsSystemAdmin || !requirement.SystemOnly && actor.Memberships.Any(m => m.Roles.Contains(Role.UnitAdmin)))
            context.Succeed(requirement);
    }
}

/// <summary>Designs workflows today: a system administrator or an ISO officer (<see cref="WorkflowDesignRights"/>).</summary>
public sealed record WorkflowDesignerRequirement : IAuthorizationRequirement;

public sealed class WorkflowDesignerHandler(OfficialDirectory officials) : AuthorizationHandler<WorkflowDesignerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkflowDesignerRequirement requirement)
    {
        if (CurrentUser.From(context.User) is not { IsOfficial: true } user) return;
        if (await officials.FindAsync(user.Name) is { } actor && actor.MayDesign()) context.Succeed(requirement);
    }
}

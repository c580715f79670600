using Api.Admin;
using Engine.VersionMigration;
using Procedures.Common;

namespace Api.Ui.Admin;

/// <summary>
/// The version migration page's work, done by <see cref="DefinitionMigrations"/> as the migration endpoints do: the dry run
/// is a read (not audited, as the endpoint's), the migration writes the same audit record as the endpoint (<c>definition.migrate</c>).
/// </summary>
public static class MigrationDesk
{
    public static Task<DomainResult<MigrationPlan>> PlanMigrationAsync(this AdminDesk desk, string definitionId, MigrationBody body) =>
        desk.ReadAsync((sp, actor) => sp.GetRequiredService<DefinitionMigrations>().PlanAsync(definitionId, body, actor.UserName));

    public static Task<DomainResult<MigrationReport>> MigrateAsync(this AdminDesk desk, string definitionId, MigrationBody body) =>
        desk.RunAsync("definition.migrate", "definition",
            async (sp, actor) => (await sp.GetRequiredService<DefinitionMigrations>().MigrateAsync(definitionId, body, actor.UserName)).Result, _ => definitionId);
}

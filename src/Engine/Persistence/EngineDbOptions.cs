using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Engine.Persistence;

internal static class EngineDbOptions
{
    /// <summary>Npgsql with snake_case names and the engine's own migrations history table.</summary>
    public static DbContextOptionsBuilder<EngineDb> UseEngineNpgsql(this DbContextOptionsBuilder<EngineDb> builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__migrations", EngineDb.Schema)).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<EngineDb> UseEngineNpgsql(this DbContextOptionsBuilder<EngineDb> builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, o => o.MigrationsHistoryTable("__migrations", EngineDb.Schema)).UseSnakeCaseNamingConvention();
}

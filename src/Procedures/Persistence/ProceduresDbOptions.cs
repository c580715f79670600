using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Procedures.Persistence;

public static class ProceduresDbOptions
{
    public static DbContextOptionsBuilder<ProceduresDb> UseProceduresNpgsql(this DbContextOptionsBuilder<ProceduresDb> builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, o => o.MigrationsHistoryTable("__migrations", ProceduresDb.Schema)).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<ProceduresDb> UseProceduresNpgsql(this DbContextOptionsBuilder<ProceduresDb> builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__migrations", ProceduresDb.Schema)).UseSnakeCaseNamingConvention();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ProceduresDb>
{
    public ProceduresDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProceduresDb>().UseProceduresNpgsql("Host=localhost").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Engine.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EngineDb>
{
    public EngineDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EngineDb>().UseEngineNpgsql("Host=localhost").Options);
}

using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Tests.Statistics;

namespace Procedures.Tests.Quality;

/// <summary>Quality records on the statistics organisation and its known dossiers (clock: Wed 20 May 2026 10:00).</summary>
public abstract class QualityTest : StatisticsTest
{
    protected Actor Leader => Org.ProvinceLeader;
    protected Actor LeaderB => Org.ActorFor(Org.CommuneB, StatisticsOrg.LeaderB);
    protected Actor Specialist => Org.ActorFor(Org.CommuneB, StatisticsOrg.SpecialistB, Role.Specialist);

    protected async Task<DomainResult<T>> Run<THandler, T>(Func<THandler, Task<DomainResult<T>>> call) where THandler : notnull
    {
        await using var scope = NewScope();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}

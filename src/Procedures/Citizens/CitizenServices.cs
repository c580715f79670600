using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Citizens;

public static class CitizenServices
{
    /// <summary>The citizen-side use cases: ratings, questions, feedback, online supplements and the citizen's own dossiers.</summary>
    public static IServiceCollection AddCitizens(this IServiceCollection services)
    {
        services.TryAddScoped<RateDossierHandler>();
        services.TryAddScoped<RatingSummaryQuery>();
        services.TryAddScoped<QuestionHandler>();
        services.TryAddScoped<FeedbackHandler>();
        services.TryAddScoped<CitizenDossierQueries>();
        services.TryAddScoped<SubmitSupplementHandler>();
        return services;
    }
}

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
        // Replaces the statistics' empty default, whichever of the two registrations runs first.
        services.Replace(ServiceDescriptor.Scoped<Statistics.ICitizenRatings, StoredCitizenRatings>());
        services.TryAddScoped<QuestionHandler>();
        services.TryAddScoped<FeedbackHandler>();
        services.TryAddScoped<CitizenDossierQueries>();
        services.TryAddScoped<SubmitSupplementHandler>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Documents;

public static class DocumentServices
{
    /// <summary>The forms produced for dossiers; <see cref="DocumentSettings"/> from configuration when the host has one.</summary>
    public static IServiceCollection AddDossierDocuments(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => DocumentSettings.From(sp.GetService<IConfiguration>()));
        services.TryAddScoped<DossierDocuments>();
        return services;
    }
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using Worker;

namespace Api.Hosting;

/// <summary>The API's own services on top of what <see cref="Worker.Hosting.IsoHost"/> registers.</summary>
public static class ApiServices
{
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ISO điện tử API";
            document.Info.Description = "Hệ thống quản lý hồ sơ thủ tục hành chính";
            return Task.CompletedTask;
        }));
        // Vietnamese text stays readable in JSON instead of \u escapes.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        if (WorkerMode.RunInProcess(builder.Configuration)) services.AddWorkerServices(builder.Configuration);
        return builder;
    }
}

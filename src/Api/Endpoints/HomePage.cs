namespace Api.Endpoints;

/// <summary>A minimal Vietnamese landing page until the web UI arrives.</summary>
public static class HomePage
{
    private const string Html = """
        <!doctype html>
        <html lang="vi">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>ISO điện tử — Hệ thống quản lý hồ sơ thủ tục hành chính</title>
          <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
        </head>
        <body>
          <h1>ISO điện tử</h1>
          <p>Hệ thống quản lý hồ sơ thủ tục hành chính.</p>
          <ul>
            <li><a href="/scalar">Tài liệu API (Scalar)</a></li>
            <li><a href="/api/v1/system/info">Thông tin hệ thống</a></li>
            <li><a href="/health">Tình trạng hoạt động</a></li>
          </ul>
        </body>
        </html>
        """;

    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Content(Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        return endpoints;
    }
}

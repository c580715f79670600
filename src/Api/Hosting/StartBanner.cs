using Api.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Api.Hosting;

/// <summary>
/// The block <c>run.sh</c> ends with once the app answers (<c>Logs:StartBanner=true</c>): where to open it, the demo accounts
/// when they were seeded, how to stop. Written to the console as it is, not as log events, so it stands out from them.
/// </summary>
public static class StartBanner
{
    public const string Key = "Logs:StartBanner";

    public static void Register(WebApplication app)
    {
        if (!app.Configuration.GetValue(Key, false)) return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var database = app.Services.GetRequiredService<Worker.Hosting.DatabaseConnection>();
            var demo = app.Configuration.GetValue(ApiDatabaseInitializer.SeedKey,
                app.Configuration.GetValue("Samples:Seed", database.Mode == Worker.Hosting.DatabaseMode.Embedded));
            Console.Out.Write(Text(addresses.ToList(), demo, database.Mode == Worker.Hosting.DatabaseMode.Embedded));
            Console.Out.Flush();
        });
    }

    public static string Text(IReadOnlyList<string> addresses, bool demoAccounts, bool embeddedDatabase)
    {
        var rule = new string('─', 78);
        var lines = new List<string> { "", rule, "  ISO điện tử đã sẵn sàng (is ready)", "" };
        foreach (var url in addresses.DefaultIfEmpty("http://127.0.0.1:5080"))
            lines.Add($"  Mở trình duyệt (open):  {url.TrimEnd('/')}/        Tài liệu API (API reference): {url.TrimEnd('/')}/scalar");
        if (demoAccounts)
        {
            lines.AddRange([
                "",
                $"  Tài khoản demo (demo accounts), mật khẩu (password) {DemoAccounts.Password}:",
                "    admin                    quản trị hệ thống (system administrator)",
                "    ys.clerk                 bộ phận một cửa (one-stop-shop clerk)",
                "    ys.economy.section-head  trưởng bộ phận (section head)",
                "    ys.economy.specialist    chuyên viên (specialist)",
                "    ys.leader                lãnh đạo (leader)",
                $"    {DemoAccounts.CitizenA,-24} công dân (citizen)",
                "  Danh sách đầy đủ (full list): README.md, \"Demo accounts\"",
            ]);
        }
        lines.AddRange([
            "",
            embeddedDatabase
                ? "  Dừng (stop): Ctrl+C. Dữ liệu giữ lại trong .data/ cho lần chạy sau (data stays in .data/ for the next run)."
                : "  Dừng (stop): Ctrl+C.",
            rule, "",
        ]);
        return string.Join(Environment.NewLine, lines);
    }
}

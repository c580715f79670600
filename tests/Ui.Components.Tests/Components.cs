using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ui.Components.Tests;

/// <summary>
/// A bUnit context for the web UI's components: MudBlazor's services with its JavaScript calls answered loosely, the UI's texts
/// from the API assembly's resources, and Vietnamese, the UI's default language. No database: these components take their data as parameters.
/// </summary>
public static class Components
{
    public static BunitContext NewContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        return context;
    }
}

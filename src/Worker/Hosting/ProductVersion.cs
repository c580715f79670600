using System.Reflection;

namespace Worker.Hosting;

/// <summary>The release this build is (<c>Version</c> in Directory.Build.props), without the commit the SDK appends after '+'.</summary>
public static class ProductVersion
{
    public static string Current { get; } =
        (typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}

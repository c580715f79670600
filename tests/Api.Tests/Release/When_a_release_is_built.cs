using System.Reflection;
using System.Text.RegularExpressions;
using Worker.Hosting;

namespace Api.Tests.Release;

public sealed partial class When_a_release_is_built
{
    [Test]
    public void Should_stamp_the_version_of_directory_build_props_on_every_assembly()
    {
        var props = File.ReadAllText(Repository.PathOf("Directory.Build.props"));
        var version = VersionElement().Match(props).Groups[1].Value;
        version.ShouldMatch(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$");

        ProductVersion.Current.ShouldBe(version);
        foreach (var assembly in new[] { typeof(Program).Assembly, typeof(ProductVersion).Assembly,
                     typeof(Procedures.Persistence.ProceduresDb).Assembly, typeof(Engine.Runtime.WorkflowRuntime).Assembly })
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0]
                .ShouldBe(version, assembly.GetName().Name);
    }

    [Test]
    public void Should_describe_the_version_in_the_changelog_below_an_unreleased_section()
    {
        var changelog = File.ReadAllText(Repository.PathOf("CHANGELOG.md"));
        var unreleased = changelog.IndexOf("## [Unreleased]", StringComparison.Ordinal);
        var current = changelog.IndexOf($"## [{ProductVersion.Current}]", StringComparison.Ordinal);
        unreleased.ShouldBeGreaterThanOrEqualTo(0, "CHANGELOG.md needs a '## [Unreleased]' section");
        current.ShouldBeGreaterThan(unreleased, $"CHANGELOG.md needs a '## [{ProductVersion.Current}]' section below Unreleased");
    }

    [TestCase("src/Api/Dockerfile")]
    [TestCase("src/Worker/Dockerfile")]
    public void Should_label_the_image_with_the_version(string dockerfile)
    {
        var text = File.ReadAllText(Repository.PathOf(dockerfile));
        text.ShouldContain($"ARG VERSION={ProductVersion.Current}");
        text.ShouldContain("org.opencontainers.image.version=\"$VERSION\"");
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}

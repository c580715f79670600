using Microsoft.Extensions.Logging.Abstractions;
using Worker.Hosting;

namespace Worker.Tests;

public sealed class When_choosing_the_embedded_data_folder
{
    private const string ContentRoot = "/srv/iso";

    [Test]
    public void Should_default_to_a_data_folder_under_the_content_root() =>
        EmbeddedDataDirectory.Resolve(null, ContentRoot, runningAsRoot: false, _ => false, NullLogger.Instance)
            .ShouldBe("/srv/iso/.data/postgres");

    [Test]
    public void Should_resolve_a_configured_relative_folder_against_the_content_root() =>
        EmbeddedDataDirectory.Resolve("db", ContentRoot, runningAsRoot: false, _ => false, NullLogger.Instance)
            .ShouldBe("/srv/iso/db");

    [Test]
    public void Should_keep_the_default_as_root_when_the_postgres_user_can_reach_it() =>
        EmbeddedDataDirectory.Resolve(null, ContentRoot, runningAsRoot: true, _ => true, NullLogger.Instance)
            .ShouldBe("/srv/iso/.data/postgres");

    [Test]
    public void Should_fall_back_as_root_when_the_postgres_user_cannot_reach_the_default() =>
        EmbeddedDataDirectory.Resolve(null, "/root/iso", runningAsRoot: true, _ => false, NullLogger.Instance)
            .ShouldBe(EmbeddedDataDirectory.RootFallback);

    [Test]
    public void Should_refuse_a_configured_folder_the_postgres_user_cannot_reach() =>
        Should.Throw<InvalidOperationException>(() =>
                EmbeddedDataDirectory.Resolve("/root/db", ContentRoot, runningAsRoot: true, _ => false, NullLogger.Instance))
            .Message.ShouldContain("/root/db");
}

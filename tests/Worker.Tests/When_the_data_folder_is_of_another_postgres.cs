using Engine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Worker.Hosting;

namespace Worker.Tests;

/// <summary>
/// A data folder made by another PostgreSQL major version (the machine's server was upgraded, or the folder came from
/// elsewhere) stops the start with the versions and what to do, instead of a server that will not start.
/// </summary>
public sealed class When_the_data_folder_is_of_another_postgres
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task Should_refuse_to_start_naming_both_versions_and_the_way_out()
    {
        var major = int.Parse(EmbeddedPostgres.MajorVersion(EmbeddedPostgres.FindBinDirectory())!, System.Globalization.CultureInfo.InvariantCulture);
        var data = Path.Combine(_folder.Path, "postgres");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "PG_VERSION"), $"{major - 2}\n");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [EmbeddedDataDirectory.ConfigKey] = data }).Build();

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => DatabaseBootstrap.ResolveAsync(config, _folder.Path, NullLogger.Instance));

        refused.Message.ShouldContain($"PostgreSQL {major - 2}");
        refused.Message.ShouldContain($"PostgreSQL {major}");
        refused.Message.ShouldContain("pg_upgrade");
        File.Exists(EmbeddedSecrets.PathFor(data)).ShouldBeFalse("nothing was written for a folder it cannot open");
    }
}

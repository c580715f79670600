using Engine.Hosting;
using Npgsql;

namespace Engine.Tests.Hosting;

/// <summary>The shared data source prepares repeated statements and skips the reset on close, unless the connection string says otherwise.</summary>
public sealed class When_the_data_source_is_built
{
    private static NpgsqlConnectionStringBuilder Settings(string connectionString)
    {
        using var dataSource = EngineServiceCollectionExtensions.BuildDataSource(connectionString);
        return new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
    }

    [Test]
    public void Should_prepare_repeated_statements_and_not_reset_pooled_connections_by_default()
    {
        var settings = Settings("Host=127.0.0.1;Database=iso;Username=iso");
        settings.MaxAutoPrepare.ShouldBe(100);
        settings.NoResetOnClose.ShouldBeTrue();
    }

    [TestCase("Host=127.0.0.1;No Reset On Close=false")]
    [TestCase("Host=127.0.0.1;NoResetOnClose=False")]
    [TestCase("Host=127.0.0.1;noresetonclose=false")]
    public void Should_keep_the_reset_when_the_connection_string_asks_for_it(string connectionString) =>
        Settings(connectionString).NoResetOnClose.ShouldBeFalse();

    [Test]
    public void Should_keep_an_explicit_prepare_limit() =>
        Settings("Host=127.0.0.1;Max Auto Prepare=7").MaxAutoPrepare.ShouldBe(7);
}

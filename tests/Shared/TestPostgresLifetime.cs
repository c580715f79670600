using System.Diagnostics.CodeAnalysis;
using Tests.Shared;

// In the global namespace on purpose: NUnit runs a set-up fixture for the tests of its own namespace and below,
// so only here does it cover every test of the assembly. (The server's exit hook also stops it, but the test
// runner may end the process before that hook finishes.)

/// <summary>Stops <see cref="TestPostgres"/>'s private cluster once every test of the assembly has run.</summary>
[SetUpFixture]
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "Must cover every namespace of the test assembly.")]
public sealed class TestPostgresLifetime
{
    [OneTimeTearDown]
    public Task Stop() => TestPostgres.StopAsync();
}

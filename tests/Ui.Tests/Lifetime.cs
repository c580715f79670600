namespace Ui.Tests;

/// <summary>
/// Closes the browser and stops the app after the journeys (the shared PostgreSQL has its own set-up fixture); fails the run
/// if any page broke the Content Security Policy, which the journeys themselves might not notice.
/// </summary>
[SetUpFixture]
public sealed class Lifetime
{
    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Browser.CloseAllAsync();
        if (UiHost.Started) await (await UiHost.InstanceAsync()).DisposeAsync();
        if (UiHost.SigningStarted) await (await UiHost.SigningInstanceAsync()).DisposeAsync();
        Browser.CspRefusals.ShouldBeEmpty();
    }
}

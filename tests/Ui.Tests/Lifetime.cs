namespace Ui.Tests;

/// <summary>Closes the browser and stops the app after the journeys (the shared PostgreSQL has its own set-up fixture).</summary>
[SetUpFixture]
public sealed class Lifetime
{
    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Browser.CloseAllAsync();
        if (UiHost.Started) await (await UiHost.InstanceAsync()).DisposeAsync();
    }
}

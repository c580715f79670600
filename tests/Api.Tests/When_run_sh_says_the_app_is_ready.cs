using Api.Hosting;

namespace Api.Tests;

/// <summary>The block run.sh ends with: where to open the app, the demo accounts when there are any, how to stop.</summary>
public sealed class When_run_sh_says_the_app_is_ready
{
    [Test]
    public void Should_give_every_address_the_demo_accounts_and_how_to_stop()
    {
        var text = StartBanner.Text(["http://127.0.0.1:5080", "http://10.0.0.5:8080/"], demoAccounts: true, embeddedDatabase: true);

        text.ShouldContain("http://127.0.0.1:5080/ ");
        text.ShouldContain("http://10.0.0.5:8080/scalar");
        text.ShouldContain(Api.Accounts.DemoAccounts.Password);
        text.ShouldContain("ys.clerk");
        text.ShouldContain(Api.Accounts.DemoAccounts.CitizenA);
        text.ShouldContain("Ctrl+C");
        text.ShouldContain(".data/");
    }

    [Test]
    public void Should_name_no_demo_account_and_no_data_folder_on_a_configured_database()
    {
        var text = StartBanner.Text(["https://iso.example.vn"], demoAccounts: false, embeddedDatabase: false);

        text.ShouldNotContain(Api.Accounts.DemoAccounts.Password);
        text.ShouldNotContain("ys.clerk");
        text.ShouldNotContain(".data/");
        text.ShouldContain("Ctrl+C");
    }
}

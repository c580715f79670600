using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

/// <summary>The repair page's history names each action as the definition titles it, not by its internal name.</summary>
public sealed class When_a_workflow_history_names_its_actions
{
    private static WorkflowRepairView View(params RepairStep[] steps) => new(null!, "Đăng ký khai sinh", null, steps, [], new Dictionary<string, string>(), null);

    private static readonly RepairStep Receive = new("receive", "Tiếp nhận", "Human",
        new Dictionary<string, string> { ["accept"] = "Tiếp nhận, lập phiếu hẹn", ["refuse"] = "Từ chối tiếp nhận" });

    private static readonly RepairStep Approve = new("approve", "Phê duyệt", "Human",
        new Dictionary<string, string> { ["accept"] = "Đồng ý, trình ký" });

    [Test]
    public void Should_take_the_title_the_step_it_was_taken_from_gives()
    {
        var view = View(Receive, Approve);
        view.ActionTitle("receive", "accept").ShouldBe("Tiếp nhận, lập phiếu hẹn");
        view.ActionTitle("approve", "accept").ShouldBe("Đồng ý, trình ký");
    }

    [Test]
    public void Should_fall_back_to_another_steps_title_then_to_the_name()
    {
        var view = View(Receive, Approve, new RepairStep("sign", "Ký", "Human"));
        view.ActionTitle(null, "refuse").ShouldBe("Từ chối tiếp nhận");
        view.ActionTitle("sign", "refuse").ShouldBe("Từ chối tiếp nhận");
        view.ActionTitle("sign", "migrate").ShouldBe("migrate");
    }
}

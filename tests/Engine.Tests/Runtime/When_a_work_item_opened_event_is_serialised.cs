using System.Text.Json;
using Engine.Runtime;

namespace Engine.Tests.Runtime;

/// <summary>
/// The work-item-opened payload is written by a source-generated serialiser on every transition to a human step: its text
/// must be what the reflection-based serialiser with the engine's options wrote, which consumers already read.
/// </summary>
public sealed class When_a_work_item_opened_event_is_serialised
{
    private static readonly DateTimeOffset Created = new(2026, 12, 7, 3, 4, 5, 678, TimeSpan.Zero);

    [Test]
    public void Should_write_the_same_text_as_the_engine_options_with_every_value_set() =>
        Same(new WorkItemOpened(Guid.CreateVersion7(), Guid.CreateVersion7(), "cap-phep", "HS-2026/001 \"<a>\"", "tiep-nhan",
            "Tiếp nhận hồ sơ", "clerk", "ubnd-q1", "nguyen.van.a", Created, Created.AddDays(3).AddTicks(7)));

    [Test]
    public void Should_write_the_same_text_as_the_engine_options_with_the_optional_values_missing() =>
        Same(new WorkItemOpened(Guid.Empty, Guid.CreateVersion7(), "cap-phep", null, "tiep-nhan", null, "clerk", null, null, Created, null));

    private static void Same(WorkItemOpened opened)
    {
        var generated = JsonSerializer.Serialize(opened, EngineEventJson.Default.WorkItemOpened);
        generated.ShouldBe(JsonSerializer.Serialize(opened, JsonDefaults.Options));
        JsonSerializer.Deserialize<WorkItemOpened>(generated, JsonDefaults.Options).ShouldBe(opened);
    }
}

using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

/// <summary>The receipt is printed at every counter and mailed with notices: its size is part of its quality.</summary>
public sealed class FormSizeTests
{
    [Test]
    public void The_receipt_size_is_recorded()
    {
        var bytes = FormRenderer.Render(Receipt());
        TestContext.Out.WriteLine($"receipt: {bytes.Length} bytes");
        bytes.Length.ShouldBeGreaterThan(1_000);
    }
}

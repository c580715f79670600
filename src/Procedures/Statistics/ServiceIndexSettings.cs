namespace Procedures.Statistics;

/// <summary>
/// The Decision 766/QĐ-TTg service index: six criteria, their weights (100 points) and the targets each rate is
/// measured against. Weights are the decision's; the targets are local readings ⚠ and settings.
/// </summary>
public sealed record ServiceIndexSettings
{
    public decimal TransparencyWeight { get; init; } = 18;
    public decimal ProgressWeight { get; init; } = 20;
    public decimal OnlineServiceWeight { get; init; } = 12;
    public decimal OnlinePaymentWeight { get; init; } = 10;
    public decimal DigitisationWeight { get; init; } = 22;
    public decimal SatisfactionWeight { get; init; } = 18;

    public decimal TransparencyTarget { get; init; } = 1m;
    public decimal ProgressTarget { get; init; } = 1m;
    public decimal OnlineServiceTarget { get; init; } = 0.5m;
    public decimal OnlinePaymentTarget { get; init; } = 0.3m;
    public decimal DigitisationTarget { get; init; } = 1m;
    public decimal SatisfactionTarget { get; init; } = 0.9m;

    public RatingBands RatingBands { get; init; } = new();
}

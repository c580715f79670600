namespace Api.Ui;

/// <summary>Marker for the texts of the statistics, report and ISO record pages: <c>StatsText.resx</c> is Vietnamese (the default), <c>StatsText.en.resx</c> English.</summary>
public sealed class StatsText;

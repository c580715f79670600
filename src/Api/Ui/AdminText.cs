namespace Api.Ui;

/// <summary>Marker for the administration pages' texts: <c>AdminText.resx</c> is Vietnamese (the default), <c>AdminText.en.resx</c> English.</summary>
public sealed class AdminText;

namespace Api.Ui;

/// <summary>Marker for the UI's texts: <c>UiText.resx</c> is Vietnamese (the default), <c>UiText.en.resx</c> English.</summary>
public sealed class UiText;

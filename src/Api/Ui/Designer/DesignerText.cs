namespace Api.Ui.Designer;

/// <summary>Marker for the workflow designer's texts: <c>DesignerText.resx</c> is Vietnamese (the default), <c>DesignerText.en.resx</c> English.</summary>
public sealed class DesignerText;

using Engine.Definitions;

namespace Api.Ui.Designer;

/// <summary>
/// Undo and redo as snapshots of the whole definition (layout included): a procedure is a few kilobytes, so a copy per change
/// is cheaper than inverting every kind of edit, and it cannot drift from what was drawn.
/// </summary>
public sealed class DesignerHistory(DesignerModel first, int limit = 100)
{
    private readonly List<string> _undo = [];
    private readonly List<string> _redo = [];
    private string _current = DefinitionJson.Serialize(first.Save());

    public bool CanUndo => _undo.Count > 0;
    public bool CanRedo => _redo.Count > 0;

    /// <summary>Records the model after a change; false when nothing changed (a click that moved nothing).</summary>
    public bool Record(DesignerModel model)
    {
        var now = DefinitionJson.Serialize(model.Save());
        if (now == _current) return false;
        _undo.Add(_current);
        if (_undo.Count > limit) _undo.RemoveAt(0);
        _redo.Clear();
        _current = now;
        return true;
    }

    public DesignerModel? Undo() => Step(_undo, _redo);

    public DesignerModel? Redo() => Step(_redo, _undo);

    private DesignerModel? Step(List<string> from, List<string> to)
    {
        if (from.Count == 0) return null;
        to.Add(_current);
        _current = from[^1];
        from.RemoveAt(from.Count - 1);
        return DesignerModel.Open(DefinitionJson.Deserialize(_current));
    }
}

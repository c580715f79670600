namespace Worker.Sla;

/// <summary>A threshold a subject has newly crossed, with whom to tell (nobody when the role has no holder) and what.</summary>
public sealed record PendingAlert(SlaSubject Subject, string Threshold, IReadOnlyList<string> Recipients, string Title, string Body)
{
    public string Link => Subject.Kind == SlaSubject.Dossier ? $"/dossiers/{Subject.Id}" : $"/work-items/{Subject.Id}";
}

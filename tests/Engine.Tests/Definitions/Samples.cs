using Engine.Definitions;

namespace Engine.Tests.Definitions;

/// <summary>Small definitions written as YAML, parsed fresh for each test so tests can change them freely.</summary>
internal static class Samples
{
    /// <summary>Five steps: receive → process → approve → approved/refused, with a send-back loop.</summary>
    public const string Approval = """
        id: permit
        version: 1
        title: Permit
        legalLimit: 10d
        steps:
          - id: receive
            kind: human
            role: clerk
            budget: 0.5d
            actions:
              - name: accept
                to: process
          - id: process
            kind: human
            role: specialist
            budget: 5d
            actions:
              - name: submit
                to: approve
          - id: approve
            kind: human
            role: leader
            budget: 2d
            actions:
              - name: approve
                to: approved
              - name: send-back
                to: process
                commentRequired: true
              - name: refuse
                to: refused
          - id: approved
            kind: end
            outcome: approved
          - id: refused
            kind: end
            outcome: refused
        """;

    /// <summary>process → consult (tax: declared 5d | land: 4d + 2d) → consulted → approve → done.</summary>
    public const string Consultation = """
        id: consult
        version: 1
        title: Consultation
        steps:
          - id: process
            kind: human
            role: specialist
            budget: 2d
            actions: [{ name: consult, to: consult }]
          - id: consult
            kind: split
            branches:
              - name: tax
                start: tax-opinion
                budget: 5d
              - name: land
                start: land-opinion
            join: consulted
          - id: tax-opinion
            kind: human
            role: tax-officer
            budget: 3d
            actions: [{ name: answer, to: consulted }]
          - id: land-opinion
            kind: human
            role: land-officer
            budget: 4d
            actions: [{ name: answer, to: land-check }]
          - id: land-check
            kind: human
            role: land-officer
            budget: 2d
            actions: [{ name: answer, to: consulted }]
          - id: consulted
            kind: join
            next: approve
          - id: approve
            kind: human
            role: leader
            budget: 1d
            actions: [{ name: approve, to: done }]
          - id: done
            kind: end
            outcome: approved
        """;

    public static WorkflowDefinition Parse(string yaml)
    {
        var result = DefinitionYaml.Parse(yaml);
        result.Problems.ShouldBeEmpty();
        return result.Definition!;
    }

    public static WorkflowDefinition ApprovalDefinition() => Parse(Approval);

    public static WorkflowDefinition ConsultationDefinition() => Parse(Consultation);

    /// <summary>The problems as their one-line text, which is what an author reads.</summary>
    public static List<string> Problems(WorkflowDefinition definition, DefinitionValidationContext? context = null) =>
        DefinitionValidator.Validate(definition, context).Select(p => p.ToString()).ToList();

    public static StepDefinition Step(this WorkflowDefinition definition, string id) => definition.FindStep(id)!;
}

namespace Procedures.Tests.Dossiers;

internal static partial class TestDefinitions
{
    /// <summary>The six steps plus a parallel consultation of a tax unit (2d) and a land unit (1d), back to the specialist.</summary>
    public static readonly string Consultation = $"""
        id: test-consultation
        version: 1
        title: Hồ sơ có liên thông
        legalLimit: 10d
        {Inputs}
        steps:
        {Reception}
          - id: process
            kind: human
            title: Thẩm định hồ sơ
            role: specialist
            unit: $processingUnit
            assignee: $specialist
            budget: 2d
            form:
              - name: missingItems
                type: textarea
            actions:
              - name: submit
                to: review
              - name: consult
                to: consult
        {ProcessActions}
          - id: consult
            kind: split
            branches:
              - name: tax
                start: tax-opinion
                budget: 2d
              - name: land
                start: land-opinion
                budget: 1d
            join: consulted
          - id: tax-opinion
            kind: human
            title: Cơ quan thuế cho ý kiến
            role: consulted-officer
            unit: $taxUnit
            budget: 2d
            actions:
              - name: reply
                to: consulted
          - id: land-opinion
            kind: human
            title: Văn phòng đất đai cho ý kiến
            role: consulted-officer
            unit: $landUnit
            budget: 1d
            actions:
              - name: reply
                to: consulted
          - id: consulted
            kind: join
            next: process
        {Decision}
        {Ending}
        """;
}

namespace Procedures.Tests.Dossiers;

internal static partial class TestDefinitions
{
    /// <summary>Same day, folded: receive → process (the specialists' queue) → sign → return-result.</summary>
    public const string SameDay = """
        id: test-same-day
        version: 1
        title: Hồ sơ trong ngày
        legalLimit: 1d
        inputs:
          - name: dossierCode
            required: true
          - name: receivingUnit
            type: unit
            required: true
          - name: processingUnit
            type: unit
            required: true
        steps:
          - id: receive
            kind: human
            title: Tiếp nhận
            role: clerk
            unit: $receivingUnit
            budget: 1h
            actions:
              - name: accept
                to: process
              - name: refuse
                to: refused
                commentRequired: true
          - id: process
            kind: human
            title: Chứng thực
            role: specialist
            unit: $processingUnit
            budget: 4h
            actions:
              - name: submit
                to: sign
              - name: refuse
                to: refused
                commentRequired: true
          - id: sign
            kind: human
            title: Ký chứng thực
            role: unit-leader
            unit: $processingUnit
            budget: 2h
            actions:
              - name: sign
                to: return-result
              - name: send-back
                to: process
                commentRequired: true
          - id: return-result
            kind: human
            title: Trả kết quả
            role: clerk
            unit: $receivingUnit
            budget: 1h
            actions:
              - name: return
                to: archive
          - id: archive
            kind: automatic
            set:
              archived: true
            next: approved
          - id: approved
            kind: end
            outcome: approved
          - id: refused
            kind: end
            outcome: refused
        """;
}

namespace Procedures.Tests.Dossiers;

/// <summary>Small definitions written to the library's conventions (workflows/README.md), so these tests do not depend on the library.</summary>
internal static partial class TestDefinitions
{
    private const string Inputs = """
        inputs:
          - name: dossierCode
            required: true
          - name: receivingUnit
            type: unit
            required: true
          - name: processingUnit
            type: unit
            required: true
          - name: taxUnit
            type: unit
          - name: landUnit
            type: unit
        """;

    private const string Reception = """
          - id: receive
            kind: human
            title: Tiếp nhận, kiểm tra hồ sơ
            role: clerk
            unit: $receivingUnit
            budget: 0.5d
            form:
              - name: missingItems
                type: textarea
            actions:
              - name: accept
                to: assign
              - name: request-supplement
                to: await-supplement
                requires: [missingItems]
              - name: refuse
                to: refused
                commentRequired: true
              - name: withdraw
                to: withdrawn
                commentRequired: true
          - id: await-supplement
            kind: human
            title: Chờ công dân bổ sung
            role: clerk
            unit: $receivingUnit
            budget: 1d
            actions:
              - name: supplement-received
                to: receive
              - name: withdraw
                to: withdrawn
                commentRequired: true
          - id: assign
            kind: human
            title: Phân công chuyên viên
            role: section-head
            unit: $processingUnit
            budget: 0.5d
            form:
              - name: specialist
                type: user
                required: true
            actions:
              - name: assign
                to: process
                requires: [specialist]
        """;

    private const string ProcessActions = """
              - name: request-supplement
                to: await-supplement
                commentRequired: true
                requires: [missingItems]
              - name: refuse
                to: refused
                commentRequired: true
              - name: withdraw
                to: withdrawn
                commentRequired: true
        """;

    private const string Decision = """
          - id: review
            kind: human
            title: Xem xét, thẩm tra
            role: section-head
            unit: $processingUnit
            budget: 0.5d
            actions:
              - name: approve
                to: sign
              - name: send-back
                to: process
                commentRequired: true
          - id: sign
            kind: human
            title: Ký duyệt kết quả
            role: unit-leader
            unit: $processingUnit
            budget: 0.5d
            actions:
              - name: sign
                to: return-result
              - name: send-back
                to: process
                commentRequired: true
              - name: refuse
                to: refused
                commentRequired: true
        """;

    private const string Ending = """
          - id: return-result
            kind: human
            title: Trả kết quả
            role: clerk
            unit: $receivingUnit
            budget: 0.5d
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
          - id: withdrawn
            kind: end
            outcome: withdrawn
        """;

    /// <summary>receive → assign → process → review → sign → return-result → archive, 5 working days.</summary>
    public static readonly string SixStep = $"""
        id: test-six-step
        version: 1
        title: Hồ sơ sáu bước
        legalLimit: 5d
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
        {ProcessActions}
        {Decision}
        {Ending}
        """;
}

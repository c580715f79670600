namespace Procedures.Tests.Dossiers;

/// <summary>Small definitions written to the library's conventions (workflows/README.md), so these tests do not depend on the library.</summary>
internal static class TestDefinitions
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

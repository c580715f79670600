namespace Engine.Tests;

/// <summary>Definitions the runtime tests run, written as a person would write them in workflows/.</summary>
internal static class SampleDefinitions
{
    public const string Approval = """
        id: approval
        version: 1
        title: Five-step approval
        legalLimit: 5d
        inputs:
          - name: applicant
            required: true
          - name: unit
            type: unit
        steps:
          - id: receive
            kind: human
            title: Receive
            role: clerk
            unit: $unit
            budget: 4h
            actions:
              - name: accept
                to: assign
          - id: assign
            kind: human
            role: leader
            budget: 4h
            form:
              - name: specialist
                type: user
            actions:
              - name: assign
                to: process
                requires: [specialist]
          - id: process
            kind: human
            role: specialist
            assignee: $specialist
            budget: 2d
            actions:
              - name: submit
                to: review
          - id: review
            kind: human
            role: section-head
            budget: 4h
            actions:
              - name: approve
                to: sign
              - name: send-back
                to: process
                commentRequired: true
          - id: sign
            kind: human
            role: leader
            budget: 4h
            actions:
              - name: sign
                to: approved
              - name: refuse
                to: refused
                commentRequired: true
          - id: approved
            kind: end
            outcome: approved
          - id: refused
            kind: end
            outcome: refused
        """;

    public const string Consultation = """
        id: consultation
        version: 1
        title: Parallel consultation
        steps:
          - id: prepare
            kind: human
            role: specialist
            budget: 4h
            actions:
              - name: send
                to: consult
          - id: consult
            kind: split
            join: consulted
            branches:
              - name: tax
                start: tax-opinion
                budget: 1d
              - name: land
                start: land-opinion
                budget: 3d
          - id: tax-opinion
            kind: human
            role: tax-officer
            budget: 1d
            actions:
              - name: reply
                to: consulted
          - id: land-opinion
            kind: human
            role: land-officer
            budget: 3d
            actions:
              - name: reply
                to: consulted
          - id: consulted
            kind: join
            next: decide
          - id: decide
            kind: human
            role: leader
            budget: 4h
            actions:
              - name: approve
                to: done
          - id: done
            kind: end
            outcome: approved
        """;

    public const string Guarded = """
        id: guarded
        version: 1
        title: Guarded fee
        inputs:
          - name: fee
            type: number
        steps:
          - id: assess
            kind: human
            role: clerk
            budget: 1h
            actions:
              - name: waive-fee
                to: done
                guard: fee > 100
              - name: collect
                to: done
          - id: done
            kind: end
            outcome: approved
        """;

    public const string Waiting = """
        id: waiting
        version: 1
        title: Wait then act
        steps:
          - id: start
            kind: automatic
            set:
              stage: waiting
            next: wait
          - id: wait
            kind: timer
            duration: 2d
            next: after
          - id: after
            kind: human
            role: clerk
            budget: 1h
            actions:
              - name: close
                to: done
          - id: done
            kind: end
            outcome: done
        """;

    public const string WaitUntil = """
        id: wait-until
        version: 1
        title: Wait until a variable's time
        inputs:
          - name: resumeAt
            type: dateTime
            required: true
        steps:
          - id: wait
            kind: timer
            until: resumeAt
            next: done
          - id: done
            kind: end
            outcome: resumed
        """;
}

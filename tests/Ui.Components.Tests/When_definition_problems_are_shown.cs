using System.Globalization;
using Api.Ui.Admin;
using Engine.Definitions;

namespace Ui.Components.Tests;

/// <summary>The engine's definition problems on the administrator's Vietnamese page: the same names and path, said in Vietnamese.</summary>
public sealed class When_definition_problems_are_shown
{
    [SetUp]
    public void Vietnamese() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");

    [TestCase("unknown step 'aprove'", "không có bước 'aprove'")]
    [TestCase("missing role", "thiếu vai trò")]
    [TestCase("there is no end step", "không có bước kết thúc")]
    [TestCase("dead end: step 'review' has no way out", "ngõ cụt: bước 'review' không có lối ra")]
    [TestCase("step 'orphan' is unreachable from 'receive'", "không đi tới được bước 'orphan' từ bước bắt đầu 'receive'")]
    [TestCase("unknown role 'boss' (declared: clerk, specialist)", "vai trò 'boss' chưa được khai báo (declared: clerk, specialist)")]
    [TestCase("longest path receive → process takes 6d, above the legal limit 5d", "đường dài nhất receive → process mất 6d, vượt thời hạn luật định 5d")]
    public void Should_say_a_known_problem_in_vietnamese(string english, string vietnamese) =>
        DefinitionProblemText.Vietnamese(english).ShouldBe(vietnamese);

    [Test]
    public void Should_keep_the_path_and_speak_english_on_the_english_page()
    {
        var problem = new DefinitionProblem("steps[3].actions[1].to", "unknown step 'aprove'");
        DefinitionProblemText.Message(problem).ShouldBe("không có bước 'aprove'");
        problem.Path.ShouldBe("steps[3].actions[1].to");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        DefinitionProblemText.Message(problem).ShouldBe("unknown step 'aprove'");
    }

    [Test]
    public void Should_say_every_problem_of_a_broken_definition_in_vietnamese()
    {
        // A definition with many faults at once: whatever the validator says must come out without its English sentence.
        var parsed = DefinitionYaml.Parse("""
            id: Broken_Id
            version: 0
            steps:
              - id: receive
                kind: human
                actions:
                  - name: accept
                    to: nowhere
              - id: lost
                kind: human
                role: clerk
                budget: 1d
                actions:
                  - name: Bad Name
                    to: receive
            """);
        var problems = parsed.Problems.ToList();
        if (parsed.Definition is { } d) problems.AddRange(DefinitionValidator.Validate(d));
        problems.Count.ShouldBeGreaterThan(3);
        foreach (var p in problems)
            DefinitionProblemText.Vietnamese(p.Message).ShouldNotBe(p.Message, $"not translated: {p}");
    }
}

using Api.Ui;
using Api.Ui.Admin;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Catalogue;

namespace Ui.Components.Tests;

/// <summary>
/// What the admin forms' fixtures share. Nobody is signed in, so whatever a form sends comes back as "you do not administer this
/// unit": that answer shown proves the form was sent, its absence that it was not. The form's own errors are read at their fields.
/// </summary>
public static class AdminForms
{
    public const string NotSent = "Bạn không có quyền quản trị đơn vị này.";

    /// <summary>A context for an admin form: the UI's services, no one signed in, the admin desk that runs the use cases.</summary>
    public static BunitContext Context()
    {
        var context = Components.NewContext();
        context.AddAuthorization();
        context.Services.AddScoped<UiSession>();
        context.Services.AddScoped<AdminDesk>();
        return context;
    }

    /// <summary>A commune's procedure with <paramref name="documents"/> and <paramref name="fees"/>, as the procedure editor's forms take it.</summary>
    public static ProcedureDetail Procedure(IReadOnlyList<DocumentView> documents, IReadOnlyList<Fee> fees) => new(
        Guid.NewGuid(), "1.000001", "Thủ tục thử", null, "commune", Guid.NewGuid(), "Hộ tịch", null, null,
        new LegalTimeLimit(LegalTimeLimitKind.WorkingDays, 3), [Channel.Counter], documents, fees, [], 10, true, []);

    /// <summary>The input of a field, wherever MudBlazor put the test id (on the input or on its wrapper).</summary>
    public static AngleSharp.Dom.IElement Input(AngleSharp.Dom.IElement element) =>
        element.TagName is "INPUT" ? element : element.QuerySelector("input:not([type=hidden])")!;

    /// <summary>The input of the field with <paramref name="testId"/> (the <paramref name="row"/>-th one in a list).</summary>
    public static AngleSharp.Dom.IElement Field<T>(this IRenderedComponent<T> cut, string testId, int row = 0) where T : IComponent =>
        Input(cut.FindAll($"[data-testid={testId}]")[row]);

    /// <summary>The errors shown under the form's fields, in the order of the fields.</summary>
    public static IReadOnlyList<string> Errors<T>(this IRenderedComponent<T> cut) where T : IComponent =>
        [.. cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())];

    /// <summary>The form kept what was typed: the use case never answered.</summary>
    public static void ShouldNotHaveBeenSent<T>(this IRenderedComponent<T> cut) where T : IComponent => cut.Markup.ShouldNotContain(NotSent);

    /// <summary>The form went to the use case (which refused it, nobody being signed in) with no error of its own left at a field.</summary>
    public static void ShouldHaveBeenSent<T>(this IRenderedComponent<T> cut) where T : IComponent
    {
        cut.WaitForAssertion(() => cut.Find("[data-testid=error]").TextContent.ShouldContain(NotSent));
        cut.Errors().ShouldBeEmpty();
    }
}

using System.Globalization;
using FluentValidation;

namespace Api.Problems;

/// <summary>Runs the request's FluentValidation validator before the handler: 400 with every failing field named.</summary>
public sealed class ValidationFilter<T>(IValidator<T>? validator = null) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (validator is null) return await next(context);
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
            return Problem.Make(context.HttpContext, 400, "body-required",
                Language.Pick(context.HttpContext, "Thiếu dữ liệu yêu cầu (JSON).", "The request body (JSON) is required."), "body");
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (result.IsValid) return await next(context);
        var errors = result.Errors.GroupBy(e => FieldName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return Problem.Make(context.HttpContext, 400, "validation", string.Join(" ", errors.Values.SelectMany(v => v)), errors.Keys.First(), errors);
    }

    /// <summary><c>Applicant.FullName</c> → <c>applicant.fullName</c>, <c>Documents[0].Name</c> → <c>documents[0].name</c>.</summary>
    public static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}

public static class ValidationExtensions
{
    /// <summary>Adds the validation filter for the request body of type <typeparamref name="T"/>.</summary>
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<ValidationFilter<T>>();

    /// <summary>A message in the caller's language (the request sets the UI culture from <c>Accept-Language</c>).</summary>
    public static IRuleBuilderOptions<T, TProperty> Says<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string vi, string en) =>
        rule.WithMessage(_ => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : vi);

    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, int max, string vi, string en) =>
        rule.NotEmpty().Says($"Thiếu {vi}.", $"{en} is required.")
            .MaximumLength(max).Says($"{Capital(vi)} dài tối đa {max} ký tự.", $"{en} must be at most {max} characters.");

    public static IRuleBuilderOptions<T, string?> Optional<T>(this IRuleBuilder<T, string?> rule, int max, string vi, string en) =>
        rule.MaximumLength(max).Says($"{Capital(vi)} dài tối đa {max} ký tự.", $"{en} must be at most {max} characters.");

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

namespace Api.Tests.Architecture;

/// <summary>What a use case must not look like: it answers in ASP.NET Core's terms. The rule on Procedures must find it.</summary>
internal sealed class BadUseCase
{
    public Microsoft.AspNetCore.Http.IResult Handle() => Microsoft.AspNetCore.Http.Results.Ok();
}

/// <summary>What an endpoint must not answer: an EF entity of Procedures, here inside a list in a record.</summary>
internal sealed record BadResponse(string Code, IReadOnlyList<Procedures.Dossiers.Dossier> Dossiers);

/// <summary>A source file that names the engine's table in its SQL, as an inbox query once did.</summary>
internal static class BadSource
{
    public const string Text = """
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM engine.work_items w WHERE w.status = 'Open'");
        var moved = await engine.CompleteAsync(request, tx, ct); // a call, not SQL
        const string type = "engine.deadline-passed"; // a message type, not SQL
        """;
}

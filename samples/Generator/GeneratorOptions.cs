using System.Globalization;

namespace Generator;

/// <summary>Command line of the generator; every choice has a default so a bare run reproduces the documented benchmark.</summary>
internal sealed record GeneratorOptions(string Command, int Dossiers, int Seed, string? Connection, string DataFolder, int Runs)
{
    public static GeneratorOptions Parse(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new GeneratorOptions(command,
            int.Parse(Value("--dossiers") ?? "2000000", CultureInfo.InvariantCulture),
            int.Parse(Value("--seed") ?? "20260101", CultureInfo.InvariantCulture),
            Value("--db") ?? Environment.GetEnvironmentVariable("ISO_GENERATOR_DB"),
            Value("--data") ?? Path.Combine(Path.GetTempPath(), "iso-generator-pg"),
            int.Parse(Value("--runs") ?? "7", CultureInfo.InvariantCulture));
    }
}

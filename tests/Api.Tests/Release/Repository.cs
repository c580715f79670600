namespace Api.Tests.Release;

/// <summary>The checkout these tests were built from: the folder holding <c>Engine.sln</c> above the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Engine.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No Engine.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}

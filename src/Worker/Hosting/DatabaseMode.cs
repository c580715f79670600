namespace Worker.Hosting;

/// <summary>Where the database comes from: a private cluster this process started, or a configured server.</summary>
public enum DatabaseMode
{
    Embedded,
    External,
}

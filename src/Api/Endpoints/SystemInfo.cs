namespace Api.Endpoints;

/// <summary>What is running: product, version, where the data lives, how many workflows are published.</summary>
/// <param name="DatabaseMode"><c>embedded</c> (a private PostgreSQL started by this process) or <c>external</c>.</param>
/// <param name="PublishedWorkflowDefinitions">Workflow definitions with a published latest version.</param>
public sealed record SystemInfo(string Product, string Version, string DatabaseMode, int PublishedWorkflowDefinitions);

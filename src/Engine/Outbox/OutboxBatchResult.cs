namespace Engine.Outbox;

/// <summary>What one dispatch run did with the rows it claimed.</summary>
/// <param name="Claimed">Rows leased by the run.</param>
/// <param name="Published">Rows the broker confirmed and the run marked sent.</param>
/// <param name="Failed">Rows whose attempt failed (retried later or parked); the later rows of their instances were given back.</param>
/// <param name="PublishFailed">A publish, not only a read, failed: the run stopped publishing, since the broker may be down.</param>
public readonly record struct OutboxBatchResult(int Claimed, int Published, int Failed, bool PublishFailed);

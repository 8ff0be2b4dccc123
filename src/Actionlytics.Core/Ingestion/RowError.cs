namespace Actionlytics.Core.Ingestion;

/// <summary>Why one input row was rejected. <paramref name="Line"/> is the file line the row starts on (for JSON arrays, the item number).</summary>
public sealed record RowError(long Line, string Reason);

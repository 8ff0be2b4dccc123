namespace Actionlytics.Core.Ingestion;

/// <summary>How far a running import is. <see cref="TotalBytes"/> is null when the input's length is unknown.</summary>
public readonly record struct ImportProgress(long RowsRead, long Imported, long Duplicates, long Invalid, long BytesRead, long? TotalBytes);

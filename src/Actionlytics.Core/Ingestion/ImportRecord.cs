namespace Actionlytics.Core.Ingestion;

/// <summary>
/// One record of an input in the terms of an <see cref="ImportContract"/>: the contract's fields by position
/// (null when absent or empty) and every other field as a JSON object.
/// </summary>
public readonly record struct ImportRecord(long Line, string?[] Fields, string? ExtrasJson, string? Error);

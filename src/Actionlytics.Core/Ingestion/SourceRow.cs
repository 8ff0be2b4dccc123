namespace Actionlytics.Core.Ingestion;

/// <summary>One row read from an input: either a valid row, or the reason it is invalid.</summary>
public readonly record struct SourceRow<T>(long Line, T Row, string? Error)
    where T : struct
{
    public bool IsValid => Error is null;

    public static SourceRow<T> Valid(long line, T row) => new(line, row, null);

    public static SourceRow<T> Invalid(long line, string error) => new(line, default, error);
}

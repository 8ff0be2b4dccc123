namespace Actionlytics.Data.Store;

/// <summary>The kinds of values bulk statements bind; each provider stores instants and days its own way.</summary>
public enum BulkValue
{
    Int32,
    Int64,
    Real,
    Text,
    Instant,
    Day,
}

/// <summary>
/// A statement prepared once and executed for every row of a bulk write, inside the caller's transaction.
/// Values are bound by position, in the order the parameters were declared, without boxing where the provider allows.
/// </summary>
public abstract class BulkStatement : IDisposable
{
    public abstract BulkStatement Int(int index, long value);

    public abstract BulkStatement Real(int index, double value);

    public abstract BulkStatement Text(int index, string? value);

    public abstract BulkStatement Instant(int index, DateTimeOffset? value);

    public abstract BulkStatement Day(int index, DateOnly value);

    /// <summary>Runs the statement; returns the number of rows it changed.</summary>
    public abstract int Execute();

    /// <summary>Runs the statement and returns the first column of its first row (for <c>RETURNING id</c>).</summary>
    public abstract long ExecuteInt64();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

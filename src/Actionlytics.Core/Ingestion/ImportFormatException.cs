namespace Actionlytics.Core.Ingestion;

/// <summary>The input as a whole cannot be read (no header, missing required columns, not JSON...). Nothing is imported.</summary>
public sealed class ImportFormatException : Exception
{
    public ImportFormatException(string message) : base(message)
    {
    }

    public ImportFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ImportFormatException()
    {
    }
}

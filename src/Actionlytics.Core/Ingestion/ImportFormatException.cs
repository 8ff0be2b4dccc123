using Actionlytics.Core.Refusals;

namespace Actionlytics.Core.Ingestion;

/// <summary>The input as a whole cannot be read (no header, missing required columns, not JSON...). Nothing is imported.</summary>
public sealed class ImportFormatException : RefusalException
{
    public ImportFormatException(string message) : base(RefusalKind.InvalidInput, message)
    {
    }

    public ImportFormatException(string message, Exception innerException) : base(RefusalKind.InvalidInput, message, innerException)
    {
    }
}

using System.ComponentModel.DataAnnotations;

namespace Actionlytics.Server.Api;

/// <summary>Limits of the import endpoints. Bound from the <c>Ingestion</c> section.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Largest request body accepted, in bytes (default 100 MiB); larger imports go through the CLI.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 100 * 1024 * 1024;
}

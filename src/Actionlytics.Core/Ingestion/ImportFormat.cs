namespace Actionlytics.Core.Ingestion;

/// <summary>The file and body formats imports accept.</summary>
public enum ImportFormat
{
    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>One JSON object per line (NDJSON).</summary>
    JsonLines,

    /// <summary>A JSON array of objects (HTTP bodies).</summary>
    JsonArray,
}

/// <summary>Chooses an <see cref="ImportFormat"/> from a file name, a format name or a content type.</summary>
public static class ImportFormats
{
    public static ImportFormat? FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "csv" => ImportFormat.Csv,
        "jsonl" or "ndjson" or "json-lines" or "jsonlines" => ImportFormat.JsonLines,
        "json" => ImportFormat.JsonArray,
        _ => null,
    };

    public static ImportFormat? FromFileName(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ImportFormat.Csv,
            ".jsonl" or ".ndjson" => ImportFormat.JsonLines,
            ".json" => ImportFormat.JsonArray,
            _ => null,
        };
    }

    public static ImportFormat? FromContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "text/csv" or "application/csv" => ImportFormat.Csv,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => ImportFormat.JsonLines,
            "application/json" => ImportFormat.JsonArray,
            _ => null,
        };
    }
}

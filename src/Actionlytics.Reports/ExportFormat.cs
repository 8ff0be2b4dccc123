namespace Actionlytics.Reports;

/// <summary>The file formats of exports.</summary>
public enum ExportFormat
{
    Png,
    Svg,
    Csv,
    Xlsx,
    Json,
}

/// <summary>Names, extensions and media types of <see cref="ExportFormat"/>s.</summary>
public static class ExportFormats
{
    public static ExportFormat? Parse(string? text) => text?.Trim().TrimStart('.').ToLowerInvariant() switch
    {
        "png" => ExportFormat.Png,
        "svg" => ExportFormat.Svg,
        "csv" => ExportFormat.Csv,
        "xlsx" or "excel" => ExportFormat.Xlsx,
        "json" => ExportFormat.Json,
        _ => null,
    };

    public static ExportFormat? FromFileName(string path) => Parse(Path.GetExtension(path));

    public static string MediaType(this ExportFormat format) => format switch
    {
        ExportFormat.Png => "image/png",
        ExportFormat.Svg => "image/svg+xml",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json; charset=utf-8",
    };

    public static string Extension(this ExportFormat format) => format.ToString().ToLowerInvariant();

    public static bool IsChartFormat(this ExportFormat format) => format is ExportFormat.Png or ExportFormat.Svg or ExportFormat.Json;

    public static bool IsTableFormat(this ExportFormat format) => format is ExportFormat.Csv or ExportFormat.Xlsx or ExportFormat.Json;
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actionlytics.Core.Ingestion;

namespace Actionlytics.Cli;

/// <summary>Writes results: readable text by default, JSON with <c>--json</c>; errors to standard error.</summary>
internal static class CliOutput
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Json<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public static void Error(string message) => Console.Error.WriteLine($"error: {message}");

    /// <summary>Prints an import report and returns the exit code it stands for.</summary>
    public static int Report(ImportReport report, bool json)
    {
        if (json)
        {
            Json(report);
        }
        else
        {
            var what = report.Kind == "members"
                ? string.Create(CultureInfo.InvariantCulture, $"{report.Imported:N0} members created, {report.Updated:N0} updated")
                : string.Create(CultureInfo.InvariantCulture, $"{report.Imported:N0} events imported ({report.MembersCreated:N0} new members)");
            if (report.Committed)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Community}: {what}, {report.Duplicates:N0} duplicates skipped, {report.Invalid:N0} invalid rows; {report.RowsRead:N0} rows in {report.ElapsedSeconds:F1} s ({report.RowsPerSecond:N0} rows/s)."));
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Community}: {report.Invalid:N0} invalid rows out of {report.RowsRead:N0}; nothing was imported. Fix them, or use --skip-invalid to import the valid rows."));
            }
        }

        foreach (var error in report.Errors)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {error.Line}: {error.Reason}"));
        }
        if (report.Invalid > report.Errors.Count)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... and {report.Invalid - report.Errors.Count:N0} more invalid rows."));
        }
        return report.Invalid > 0 ? ExitCodes.InvalidRows : ExitCodes.Success;
    }
}

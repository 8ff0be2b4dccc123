using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Actionlytics.Core.Reports;
using MiniExcelLibs;

namespace Actionlytics.Reports;

/// <summary>Writes a <see cref="ReportTable"/> as CSV (RFC 4180), XLSX or JSON (an array of objects named by the columns), streaming.</summary>
public static class TableExport
{
    public static async Task WriteAsync(ReportTable table, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        switch (format)
        {
            case ExportFormat.Csv:
                await WriteCsvAsync(table, output, cancellationToken);
                break;
            case ExportFormat.Json:
                await WriteJsonAsync(table, output, cancellationToken);
                break;
            case ExportFormat.Xlsx:
                await WriteXlsxAsync(table, output, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), $"A table exports as CSV, XLSX or JSON, not {format}.");
        }
    }

    private static async Task WriteCsvAsync(ReportTable table, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', table.Columns.Select(Quote)) + "\n");
        foreach (var row in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(string.Join(',', row.Select(value => Quote(Text(value)))) + "\n");
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteJsonAsync(ReportTable table, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        var written = 0;
        foreach (var row in table.Rows)
        {
            if (++written % 1000 == 0)
            {
                await json.FlushAsync(cancellationToken); // the writer buffers until flushed: keep memory bounded
            }
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                json.WritePropertyName(table.Columns[i]);
                switch (row[i])
                {
                    case null: json.WriteNullValue(); break;
                    case bool flag: json.WriteBooleanValue(flag); break;
                    case int number: json.WriteNumberValue(number); break;
                    case long number: json.WriteNumberValue(number); break;
                    case double number: json.WriteNumberValue(number); break;
                    default: json.WriteStringValue(Text(row[i])); break;
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    private static async Task WriteXlsxAsync(ReportTable table, Stream output, CancellationToken cancellationToken)
    {
        var rows = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(table.Columns.Count);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                record[table.Columns[i]] = row[i] is DateOnly day ? day.ToDateTime(TimeOnly.MinValue) : row[i];
            }
            return record;
        });
        // MiniExcel needs a seekable stream to assemble the workbook: build it in memory, then copy.
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(rows, sheetName: table.Name, cancellationToken: cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Quotes a field when it holds a comma, quote or line break (RFC 4180).</summary>
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

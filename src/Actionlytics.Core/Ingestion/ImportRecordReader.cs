using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Actionlytics.Core.Ingestion;

/// <summary>
/// Streams the records of a CSV, JSON Lines or JSON array input in the terms of an <see cref="ImportContract"/>.
/// Problems with one record come back as that record's error; problems with the input as a whole
/// (no header, a missing required column, broken JSON array) throw <see cref="ImportFormatException"/>.
/// </summary>
public static class ImportRecordReader
{
    public static IEnumerable<ImportRecord> Read(Stream input, ImportFormat format, ImportContract contract) => format switch
    {
        ImportFormat.Csv => ReadCsv(input, contract),
        ImportFormat.JsonLines => ReadJsonLines(input, contract),
        ImportFormat.JsonArray => ReadJsonArray(input, contract),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static IEnumerable<ImportRecord> ReadCsv(Stream input, ImportContract contract)
    {
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var csv = new CsvRecordReader(text);
        var fields = new List<string>();
        if (!csv.TryRead(fields, out _, out var headerError))
        {
            throw new ImportFormatException($"The input is empty: expected a header row naming {string.Join(',', contract.RequiredColumns)}.");
        }
        if (headerError is not null)
        {
            throw new ImportFormatException($"Line 1 (header): {headerError}.");
        }

        var header = CsvHeader.Parse(fields, contract);
        using var extras = new ExtrasWriter();
        while (csv.TryRead(fields, out var line, out var error))
        {
            if (error is not null)
            {
                yield return new ImportRecord(line, [], null, error);
                continue;
            }
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }
            if (fields.Count != header.ColumnCount)
            {
                yield return new ImportRecord(line, [], null, $"expected {header.ColumnCount} fields as in the header, found {fields.Count}");
                continue;
            }

            var values = new string?[contract.Columns.Count];
            for (var i = 0; i < fields.Count; i++)
            {
                var value = fields[i];
                var target = header.ContractIndex[i];
                if (target >= 0)
                {
                    values[target] = value.Length == 0 ? null : value;
                }
                else if (value.Length > 0)
                {
                    extras.AddString(header.Names[i], value);
                }
            }
            yield return new ImportRecord(line, values, extras.TakeJson(), null);
        }
    }

    private static IEnumerable<ImportRecord> ReadJsonLines(Stream input, ImportContract contract)
    {
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        using var extras = new ExtrasWriter();
        long line = 0;
        while (text.ReadLine() is { } content)
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }
            if (content.Length > CsvRecordReader.DefaultMaxRecordChars)
            {
                yield return new ImportRecord(line, [], null, $"the record is longer than {CsvRecordReader.DefaultMaxRecordChars:N0} characters");
                continue;
            }

            using var document = TryParseJson(content, out var error);
            yield return document is null
                ? new ImportRecord(line, [], null, error)
                : FromJsonObject(line, document.RootElement, contract, extras);
        }
    }

    private static IEnumerable<ImportRecord> ReadJsonArray(Stream input, ImportContract contract)
    {
        using var extras = new ExtrasWriter();
        long item = 0;
        using var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(input).ToBlockingEnumerable().GetEnumerator();
        while (true)
        {
            try
            {
                if (!items.MoveNext())
                {
                    yield break;
                }
            }
            catch (JsonException ex)
            {
                throw new ImportFormatException($"The body is not a valid JSON array of objects: {FirstSentence(ex.Message)} (after item {item}).", ex);
            }
            item++;
            yield return FromJsonObject(item, items.Current, contract, extras);
        }
    }

    private static ImportRecord FromJsonObject(long line, JsonElement element, ImportContract contract, ExtrasWriter extras)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ImportRecord(line, [], null, $"expected a JSON object, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }

        var values = new string?[contract.Columns.Count];
        foreach (var property in element.EnumerateObject())
        {
            var target = contract.IndexOf(property.Name);
            if (target >= 0)
            {
                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        var text = value.GetString();
                        values[target] = string.IsNullOrEmpty(text) ? null : text;
                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        values[target] = value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return new ImportRecord(line, [], null, $"{contract.Columns[target]} must be a string, not a JSON {value.ValueKind.ToString().ToLowerInvariant()}");
                }
            }
            else if (string.Equals(property.Name, contract.ExtrasField, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var nested in property.Value.EnumerateObject())
                {
                    extras.AddJson(nested.Name, nested.Value);
                }
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                extras.AddJson(property.Name, property.Value);
            }
        }
        return new ImportRecord(line, values, extras.TakeJson(), null);
    }

    private static JsonDocument? TryParseJson(string content, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON ({FirstSentence(ex.Message)})";
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    /// <summary>The header of a CSV input mapped onto a contract.</summary>
    private sealed record CsvHeader(string[] Names, int[] ContractIndex)
    {
        public int ColumnCount => Names.Length;

        public static CsvHeader Parse(List<string> fields, ImportContract contract)
        {
            var names = new string[fields.Count];
            var indexes = new int[fields.Count];
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < fields.Count; i++)
            {
                var name = fields[i].Trim();
                if (name.Length == 0)
                {
                    throw new ImportFormatException($"Line 1 (header): column {i + 1} has no name.");
                }
                if (!seen.Add(name))
                {
                    throw new ImportFormatException($"Line 1 (header): column '{name}' appears twice.");
                }
                names[i] = name;
                indexes[i] = contract.IndexOf(name);
            }

            var missing = contract.RequiredColumns.Where(column => !seen.Contains(column)).ToList();
            if (missing.Count > 0)
            {
                throw new ImportFormatException(
                    $"Line 1 (header): missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}. " +
                    $"The header must name {string.Join(',', contract.RequiredColumns)}.");
            }
            return new CsvHeader(names, indexes);
        }
    }

    /// <summary>Collects the fields outside the contract of one record into a JSON object.</summary>
    private sealed class ExtrasWriter : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);
        private readonly Utf8JsonWriter _writer;
        private bool _open;

        // Stored as data, never embedded in HTML: keep accents and quotes readable.
        public ExtrasWriter() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        public void AddString(string name, string value)
        {
            Open();
            _writer.WriteString(name, value);
        }

        public void AddJson(string name, JsonElement value)
        {
            Open();
            _writer.WritePropertyName(name);
            value.WriteTo(_writer);
        }

        public string? TakeJson()
        {
            if (!_open)
            {
                return null;
            }
            _writer.WriteEndObject();
            _writer.Flush();
            var json = Encoding.UTF8.GetString(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            _writer.Reset();
            _open = false;
            return json;
        }

        public void Dispose() => _writer.Dispose();

        private void Open()
        {
            if (!_open)
            {
                _writer.WriteStartObject();
                _open = true;
            }
        }
    }
}

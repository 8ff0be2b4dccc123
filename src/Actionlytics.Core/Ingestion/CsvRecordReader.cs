using System.Buffers;
using System.Text;

namespace Actionlytics.Core.Ingestion;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF or LF, an optional
/// UTF-8 byte order mark. It knows the line every record starts on so errors can name it, and it bounds the
/// size of a record so a missing closing quote cannot swallow the whole file into memory.
/// </summary>
public sealed class CsvRecordReader
{
    /// <summary>The longest record accepted, in characters.</summary>
    public const int DefaultMaxRecordChars = 1 << 20;

    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");

    private readonly TextReader _reader;
    private readonly int _maxRecordChars;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _pos;
    private int _len;
    private bool _eof;
    private bool _started;
    private long _line = 1;
    private int _recordChars;

    public CsvRecordReader(TextReader reader, int maxRecordChars = DefaultMaxRecordChars)
    {
        _reader = reader;
        _maxRecordChars = maxRecordChars;
    }

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>. Returns false at the end of the input.
    /// A malformed record comes back with <paramref name="error"/> set and the reader positioned after it.
    /// </summary>
    public bool TryRead(List<string> fields, out long startLine, out string? error)
    {
        fields.Clear();
        error = null;
        if (!EnsureData())
        {
            startLine = _line;
            return false;
        }

        startLine = _line;
        _recordChars = 0;
        while (true)
        {
            var field = _pos < _len && _buffer[_pos] == '"' ? ReadQuotedField(startLine, out error) : ReadUnquotedField(out error);
            if (error is not null)
            {
                SkipRestOfLine();
                return true;
            }
            fields.Add(field);

            if (!EnsureData())
            {
                return true;
            }

            var delimiter = _buffer[_pos++];
            if (delimiter == ',')
            {
                continue;
            }
            if (delimiter == '\r' && EnsureData() && _buffer[_pos] == '\n')
            {
                _pos++;
            }
            _line++;
            return true;
        }
    }

    private string ReadUnquotedField(out string? error)
    {
        error = null;
        _field.Clear();
        while (EnsureData())
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var stop = span.IndexOfAny(UnquotedStops);
            var chunk = stop < 0 ? span : span[..stop];
            if (!Count(chunk.Length, out error))
            {
                return string.Empty;
            }
            if (stop < 0)
            {
                _field.Append(chunk);
                _pos = _len;
                continue;
            }

            _pos += stop;
            if (_buffer[_pos] == '"')
            {
                error = "a quote inside an unquoted field (quote the whole field and double the inner quotes)";
                return string.Empty;
            }
            if (_field.Length == 0)
            {
                return chunk.Length == 0 ? string.Empty : new string(chunk);
            }
            _field.Append(chunk);
            break;
        }
        return _field.ToString();
    }

    private string ReadQuotedField(long startLine, out string? error)
    {
        error = null;
        _field.Clear();
        _pos++; // opening quote
        while (true)
        {
            if (!EnsureData())
            {
                error = $"a quoted field opened on line {startLine} is never closed";
                return string.Empty;
            }
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var quote = span.IndexOf('"');
            var chunk = quote < 0 ? span : span[..quote];
            if (!Count(chunk.Length, out error))
            {
                return string.Empty;
            }
            _line += chunk.Count('\n');
            _field.Append(chunk);
            if (quote < 0)
            {
                _pos = _len;
                continue;
            }

            _pos += quote + 1;
            if (EnsureData() && _buffer[_pos] == '"')
            {
                _field.Append('"');
                _pos++;
                continue;
            }
            if (EnsureData() && _buffer[_pos] is not (',' or '\r' or '\n'))
            {
                error = "text after the closing quote of a quoted field";
                return string.Empty;
            }
            return _field.ToString();
        }
    }

    private bool Count(int chars, out string? error)
    {
        _recordChars += chars;
        error = _recordChars > _maxRecordChars ? $"the record is longer than {_maxRecordChars:N0} characters" : null;
        return error is null;
    }

    private void SkipRestOfLine()
    {
        while (EnsureData())
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var newline = span.IndexOf('\n');
            if (newline >= 0)
            {
                _pos += newline + 1;
                _line++;
                return;
            }
            _pos = _len;
        }
    }

    private bool EnsureData()
    {
        if (_pos < _len)
        {
            return true;
        }
        if (_eof)
        {
            return false;
        }

        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        if (!_started)
        {
            _started = true;
            if (_len > 0 && _buffer[0] == '\uFEFF')
            {
                _pos = 1;
            }
        }
        if (_len == 0)
        {
            _eof = true;
            return false;
        }
        return _pos < _len || EnsureData();
    }
}

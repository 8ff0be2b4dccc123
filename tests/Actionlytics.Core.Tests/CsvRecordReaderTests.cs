using Actionlytics.Core.Ingestion;

namespace Actionlytics.Core.Tests;

public class CsvRecordReaderTests
{
    private static List<(long Line, string[] Fields, string? Error)> ReadAll(string text, int maxRecordChars = CsvRecordReader.DefaultMaxRecordChars)
    {
        var reader = new CsvRecordReader(new StringReader(text), maxRecordChars);
        var fields = new List<string>();
        var records = new List<(long, string[], string?)>();
        while (reader.TryRead(fields, out var line, out var error))
        {
            records.Add((line, fields.ToArray(), error));
        }
        return records;
    }

    [Fact]
    public void Reads_plain_fields_with_LF_and_CRLF_line_ends_alike()
    {
        var lf = ReadAll("a,b,c\n1,2,3\n");
        var crlf = ReadAll("a,b,c\r\n1,2,3\r\n");

        Assert.Equal(lf.Select(r => r.Fields), crlf.Select(r => r.Fields));
        Assert.Equal(["1", "2", "3"], lf[1].Fields);
        Assert.Equal(2, lf[1].Line);
    }

    [Fact]
    public void Unquotes_fields_with_commas_doubled_quotes_and_line_breaks()
    {
        var records = ReadAll("id,text\n1,\"a, \"\"quoted\"\"\nsecond line\"\n2,after\n");

        Assert.Equal(["1", "a, \"quoted\"\nsecond line"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line); // the record after a two-line field starts on line 4
    }

    [Fact]
    public void Keeps_empty_fields_including_a_trailing_one()
    {
        var records = ReadAll("a,,c,\n");

        Assert.Equal(["a", "", "c", ""], records[0].Fields);
    }

    [Fact]
    public void Reads_a_last_record_without_a_final_line_break()
    {
        var records = ReadAll("a,b\n1,2");

        Assert.Equal(["1", "2"], records[1].Fields);
    }

    [Fact]
    public void Skips_a_UTF8_byte_order_mark()
    {
        var records = ReadAll("\uFEFFevent_id,action\n");

        Assert.Equal("event_id", records[0].Fields[0]);
    }

    [Fact]
    public void Reports_a_stray_quote_and_goes_on_with_the_next_line()
    {
        var records = ReadAll("a,b\n1,x\"y\n2,z\n");

        Assert.NotNull(records[1].Error);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["2", "z"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void Reports_a_quoted_field_that_is_never_closed_with_the_line_it_opened_on()
    {
        var records = ReadAll("a,b\n1,ok\n2,\"never closed\n3,x\n");

        Assert.Equal(3, records[2].Line);
        Assert.Contains("line 3", records[2].Error);
    }

    [Fact]
    public void Rejects_a_record_longer_than_the_limit_without_reading_it_all_into_memory()
    {
        var records = ReadAll("a\n" + new string('x', 5000) + "\nnext\n", maxRecordChars: 1000);

        Assert.Contains("longer than", records[1].Error);
        Assert.Equal(["next"], records[2].Fields);
    }

    [Fact]
    public void Reads_fields_that_span_its_internal_buffer()
    {
        var longValue = new string('v', 200_000);
        var records = ReadAll($"a,b\n{longValue},\"{longValue}\"\n");

        Assert.Equal(longValue, records[1].Fields[0]);
        Assert.Equal(longValue, records[1].Fields[1]);
    }
}

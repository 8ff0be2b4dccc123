using Actionlytics.Core.Reports;
using MiniExcelLibs;

namespace Actionlytics.Reports.Tests;

public class TableExportTests
{
    private static readonly ReportTable Sample = new("sample", ["name", "count", "share", "day", "flag", "note"],
    [
        ["a, \"quoted\" name", 3, 0.25, new DateOnly(2026, 3, 1), true, null],
        ["plain", 4L, 1.5, new DateOnly(2026, 3, 2), false, "line\nbreak"],
    ]);

    private static async Task<byte[]> ExportAsync(ReportTable table, ExportFormat format)
    {
        using var stream = new MemoryStream();
        await TableExport.WriteAsync(table, format, stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task Writes_RFC_4180_CSV_with_a_header()
    {
        var csv = System.Text.Encoding.UTF8.GetString(await ExportAsync(Sample, ExportFormat.Csv));

        Assert.Equal(
            "name,count,share,day,flag,note\n\"a, \"\"quoted\"\" name\",3,0.25,2026-03-01,true,\nplain,4,1.5,2026-03-02,false,\"line\nbreak\"\n",
            csv);
    }

    [Fact]
    public async Task Writes_JSON_objects_with_typed_values()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await ExportAsync(Sample, ExportFormat.Json));

        var first = json.RootElement[0];
        Assert.Equal(3, first.GetProperty("count").GetInt32());
        Assert.Equal(0.25, first.GetProperty("share").GetDouble());
        Assert.True(first.GetProperty("flag").GetBoolean());
        Assert.Equal("2026-03-01", first.GetProperty("day").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task Writes_an_XLSX_workbook_that_reads_back()
    {
        var bytes = await ExportAsync(Sample, ExportFormat.Xlsx);

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("a, \"quoted\" name", rows[0]["name"]);
        Assert.Equal(4d, Convert.ToDouble(rows[1]["count"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Exports_scores_with_the_contract_columns_first()
    {
        var csv = System.Text.Encoding.UTF8.GetString(await ExportAsync(ReportTables.Scores(DemoAnalyses.Scores.Inactive.Take(3)), ExportFormat.Csv));

        Assert.StartsWith("member_id,last_active_date,recency_days,active_days,constancy_days,score,segment,", csv);
        Assert.Equal(4, csv.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task Refuses_to_write_a_table_as_an_image()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TableExport.WriteAsync(Sample, ExportFormat.Png, Stream.Null));
    }
}

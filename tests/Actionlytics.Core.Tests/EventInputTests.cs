using System.Text;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;

namespace Actionlytics.Core.Tests;

/// <summary>Reading events from CSV, JSON Lines and JSON arrays, through the reader and the parser together.</summary>
public class EventInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static List<SourceRow<EventRow>> Read(string text, ImportFormat format, string? assumeZone = null)
    {
        var parser = new EventRowParser(new EventReadOptions(assumeZone is null ? null : new CommunityCalendar(assumeZone), Now));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return ImportRecordReader.Read(stream, format, ImportContract.Events).Select(parser.Parse).ToList();
    }

    [Fact]
    public void Reads_required_and_optional_columns_and_keeps_the_others_as_metadata()
    {
        var rows = Read(
            "action,member_id,event_id,occurred_at,channel,course,empty\n" +
            "quiz_answer,m1,e1,2026-03-01T08:15:00Z,web,\"Intro, part 2\",\n",
            ImportFormat.Csv);

        var row = Assert.Single(rows);
        Assert.True(row.IsValid, row.Error);
        Assert.Equal(new EventRow("e1", "m1", new DateTimeOffset(2026, 3, 1, 8, 15, 0, TimeSpan.Zero), "quiz_answer", null, "web", """{"course":"Intro, part 2"}"""), row.Row);
    }

    [Fact]
    public void Names_the_line_and_reason_of_every_invalid_row()
    {
        var rows = Read(
            "event_id,member_id,occurred_at,action\n" +
            "e1,m1,2026-03-01T08:15:00Z,login\n" +
            "e2,m1,2026-03-01 8h15,login\n" +
            "e3,,2026-03-01T08:15:00Z,\n" +
            "e4,m1,2026-03-01T08:15:00Z,Log In\n" +
            "e5,m1,2030-01-01T00:00:00Z,login\n" +
            "e6,m1,2026-03-01T08:15:00,login\n" +
            "e7,m1\n",
            ImportFormat.Csv);

        Assert.True(rows[0].IsValid);
        Assert.Equal([3L, 4, 5, 6, 7, 8], rows.Skip(1).Select(r => r.Line));
        Assert.Contains("not an ISO 8601 timestamp", rows[1].Error);
        Assert.Contains("member_id is missing", rows[2].Error);
        Assert.Contains("action is missing", rows[2].Error);
        Assert.Contains("not a valid action name", rows[3].Error);
        Assert.Contains("in the future", rows[4].Error);
        Assert.Contains("--assume-timezone", rows[5].Error);
        Assert.Contains("expected 4 fields", rows[6].Error);
    }

    [Fact]
    public void Accepts_timestamps_without_offset_when_a_zone_is_assumed()
    {
        var rows = Read("event_id,member_id,occurred_at,action\ne1,m1,2026-01-15T09:00:00,login\n", ImportFormat.Csv, "Europe/Paris");

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero), rows[0].Row.OccurredAt);
    }

    [Fact]
    public void Accepts_custom_action_names_that_follow_the_rule()
    {
        var rows = Read("event_id,member_id,occurred_at,action\ne1,m1,2026-01-15T09:00:00Z,webinar.joined-live_2\n", ImportFormat.Csv);

        Assert.True(rows[0].IsValid, rows[0].Error);
        Assert.Equal("webinar.joined-live_2", rows[0].Row.Action);
    }

    [Fact]
    public void Fails_the_whole_input_when_a_required_column_is_missing()
    {
        var error = Assert.Throws<ImportFormatException>(() => Read("event_id,member_id,occurred_at\ne1,m1,2026-01-15T09:00:00Z\n", ImportFormat.Csv));

        Assert.Contains("missing required column action", error.Message);
    }

    [Fact]
    public void Fails_the_whole_input_when_it_is_empty_or_a_column_is_repeated()
    {
        Assert.Throws<ImportFormatException>(() => Read("", ImportFormat.Csv));
        Assert.Contains("appears twice", Assert.Throws<ImportFormatException>(() => Read("event_id,member_id,occurred_at,action,action\n", ImportFormat.Csv)).Message);
    }

    [Fact]
    public void Reads_JSON_lines_with_numbers_nested_metadata_and_extra_fields()
    {
        var rows = Read(
            """
            {"event_id": 17, "member_id": "m1", "occurred_at": "2026-03-01T08:15:00+01:00", "action": "download", "content_id": "doc-4", "metadata": {"size": 12}, "device": "ios"}

            not json
            {"event_id": "e2", "member_id": ["m1"], "occurred_at": "2026-03-01T08:15:00Z", "action": "login"}
            """,
            ImportFormat.JsonLines);

        Assert.True(rows[0].IsValid, rows[0].Error);
        Assert.Equal("17", rows[0].Row.EventId);
        Assert.Equal("""{"size":12,"device":"ios"}""", rows[0].Row.MetadataJson);
        Assert.Equal(3, rows[1].Line);
        Assert.Contains("not valid JSON", rows[1].Error);
        Assert.Contains("member_id must be a string", rows[2].Error);
    }

    [Fact]
    public void Reads_a_JSON_array_and_numbers_its_items()
    {
        var rows = Read(
            """[{"event_id":"e1","member_id":"m1","occurred_at":"2026-03-01T08:15:00Z","action":"login"}, {"event_id":"e2"}]""",
            ImportFormat.JsonArray);

        Assert.True(rows[0].IsValid);
        Assert.Equal(2, rows[1].Line);
        Assert.Contains("member_id is missing", rows[1].Error);
    }

    [Fact]
    public void Fails_the_whole_input_when_a_JSON_array_is_broken()
    {
        Assert.Throws<ImportFormatException>(() => Read("""[{"event_id":"e1"}, {"event""", ImportFormat.JsonArray));
    }

    [Fact]
    public void Rejects_oversized_fields()
    {
        var rows = Read($"event_id,member_id,occurred_at,action\n{new string('e', 200)},m1,2026-03-01T08:15:00Z,login\n", ImportFormat.Csv);

        Assert.Contains("event_id is longer than 128 characters", rows[0].Error);
    }
}

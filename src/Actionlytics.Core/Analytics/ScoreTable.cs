using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Actionlytics.Core.Analytics;

/// <summary>
/// The inactivity scores as a table: CSV and JSON with the contract's first columns, in this order,
/// <c>member_id,last_active_date,recency_days,active_days,constancy_days,score,segment</c>, then the profile and the explanation.
/// </summary>
public static class ScoreTable
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "member_id", "last_active_date", "recency_days", "active_days", "constancy_days", "score", "segment",
        "profile", "lifetime_active_days", "recency_share", "constancy_share", "frequency_share", "explanation",
    ];

    public static async Task WriteCsvAsync(TextWriter writer, IEnumerable<MemberScore> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scores);
        await writer.WriteAsync(string.Join(',', Columns) + "\n");
        foreach (var m in scores)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(string.Join(',',
                Csv(m.MemberId), Date(m.LastActiveDate), Number(m.RecencyDays), Number(m.ActiveDays), Number(m.ConstancyDays),
                Score(m.Score), Csv(m.Segment), Csv(m.Profile), Number(m.LifetimeActiveDays),
                Share(m.Explanation.Recency.Share), Share(m.Explanation.Constancy.Share), Share(m.Explanation.Frequency.Share),
                Csv(m.Explanation.Summary)) + "\n");
        }
        await writer.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonAsync(Stream stream, IEnumerable<MemberScore> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        var written = 0;
        foreach (var m in scores)
        {
            if (++written % 1000 == 0)
            {
                await json.FlushAsync(cancellationToken); // the writer buffers until flushed: keep memory bounded
            }
            json.WriteStartObject();
            json.WriteString("member_id", m.MemberId);
            json.WriteString("last_active_date", Date(m.LastActiveDate));
            json.WriteNumber("recency_days", m.RecencyDays);
            json.WriteNumber("active_days", m.ActiveDays);
            json.WriteNumber("constancy_days", m.ConstancyDays);
            json.WriteNumber("score", Math.Round(m.Score, 1));
            json.WriteString("segment", m.Segment);
            json.WriteString("profile", m.Profile);
            json.WriteNumber("lifetime_active_days", m.LifetimeActiveDays);
            json.WriteStartObject("explanation");
            foreach (var component in new[] { m.Explanation.Recency, m.Explanation.Constancy, m.Explanation.Frequency })
            {
                json.WriteStartObject(component.Name);
                json.WriteNumber("value", Math.Round(component.Value, 4));
                json.WriteNumber("weight", Math.Round(component.Weight, 4));
                json.WriteNumber("points", Math.Round(component.Points, 2));
                json.WriteNumber("share", Math.Round(component.Share, 4));
                json.WriteEndObject();
            }
            json.WriteString("summary", m.Explanation.Summary);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Score(double score) => score.ToString("F1", CultureInfo.InvariantCulture);

    private static string Share(double share) => share.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>Quotes a field when it holds a comma, quote or line break (RFC 4180).</summary>
    public static string Csv(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

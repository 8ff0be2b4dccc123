using Actionlytics.Core.Activity;
using Actionlytics.Core.Communities;

namespace Actionlytics.Core.Ingestion;

/// <summary>Options that change how event fields are read.</summary>
/// <param name="AssumeTimeZone">Zone for timestamps written without an offset; without it such timestamps are errors.</param>
/// <param name="Now">The current instant; events more than a day after it are rejected as clock errors.</param>
public sealed record EventReadOptions(CommunityCalendar? AssumeTimeZone, DateTimeOffset Now);

/// <summary>Turns an <see cref="ImportRecord"/> in the events contract into a valid <see cref="EventRow"/> or the reasons it is not one.</summary>
public sealed class EventRowParser(EventReadOptions options)
{
    private const int EventId = 0, MemberId = 1, OccurredAt = 2, Action = 3, ContentId = 4, Channel = 5;

    private readonly DateTimeOffset _latestAccepted = options.Now.AddDays(1);

    public SourceRow<EventRow> Parse(ImportRecord record)
    {
        if (record.Error is not null)
        {
            return SourceRow<EventRow>.Invalid(record.Line, record.Error);
        }

        var problems = new RowProblems();
        var fields = record.Fields;
        var eventId = problems.Text(fields[EventId], "event_id", FieldLimits.IdentifierChars, required: true);
        var memberId = problems.Text(fields[MemberId], "member_id", FieldLimits.IdentifierChars, required: true);
        var occurredAt = ParseOccurredAt(fields[OccurredAt], ref problems);
        var action = ParseAction(fields[Action], ref problems);
        var contentId = problems.Text(fields[ContentId], "content_id", FieldLimits.ContentIdChars, required: false);
        var channel = problems.Text(fields[Channel], "channel", FieldLimits.ChannelChars, required: false);
        problems.Extras(record.ExtrasJson, "metadata");

        return problems.Any
            ? SourceRow<EventRow>.Invalid(record.Line, problems.Describe()!)
            : SourceRow<EventRow>.Valid(record.Line, new EventRow(eventId!, memberId!, occurredAt, action!, contentId, channel, record.ExtrasJson));
    }

    private DateTimeOffset ParseOccurredAt(string? text, ref RowProblems problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("occurred_at is missing");
            return default;
        }
        switch (IsoTimestamp.TryParse(text, options.AssumeTimeZone, out var instant))
        {
            case IsoTimestamp.Result.MissingOffset:
                problems.Add($"occurred_at '{Shorten(text)}' has no time zone: add Z or an offset such as +01:00, or import with --assume-timezone");
                return default;
            case IsoTimestamp.Result.Malformed:
                problems.Add($"occurred_at '{Shorten(text)}' is not an ISO 8601 timestamp such as 2026-03-01T08:15:00Z");
                return default;
        }
        if (instant > _latestAccepted)
        {
            problems.Add($"occurred_at '{Shorten(text)}' is in the future");
        }
        return instant;
    }

    private static string? ParseAction(string? text, ref RowProblems problems)
    {
        var action = text?.Trim();
        if (string.IsNullOrEmpty(action))
        {
            problems.Add("action is missing");
            return null;
        }
        if (!ActionNames.IsValid(action))
        {
            problems.Add($"action '{Shorten(action)}' is not a valid action name (lowercase letters, digits, '_', '.' or '-', at most 64 characters)");
            return null;
        }
        return action;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}

using System.Text.RegularExpressions;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Members;

namespace Actionlytics.Core.Ingestion;

/// <summary>Turns an <see cref="ImportRecord"/> in the members contract into a valid <see cref="MemberRow"/> or the reasons it is not one.</summary>
/// <param name="calendar">The community's calendar: a <c>joined_at</c> given as a date is midnight there.</param>
public sealed partial class MemberRowParser(CommunityCalendar calendar)
{
    private const int MemberId = 0, DisplayName = 1, Email = 2, Locale = 3, JoinedAt = 4, OptOut = 5;

    public SourceRow<MemberRow> Parse(ImportRecord record)
    {
        if (record.Error is not null)
        {
            return SourceRow<MemberRow>.Invalid(record.Line, record.Error);
        }

        var problems = new RowProblems();
        var fields = record.Fields;
        var memberId = problems.Text(fields[MemberId], "member_id", FieldLimits.IdentifierChars, required: true);
        var displayName = problems.Text(fields[DisplayName], "display_name", FieldLimits.DisplayNameChars, required: false);
        var email = problems.Text(fields[Email], "email", FieldLimits.EmailChars, required: false);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            problems.Add($"email '{EventRowParser.Shorten(email)}' is not an email address");
        }
        var locale = fields[Locale]?.Trim();
        if (!string.IsNullOrEmpty(locale) && !LocalePattern().IsMatch(locale))
        {
            problems.Add($"locale '{EventRowParser.Shorten(locale)}' is not a language tag such as fr or en-GB");
        }
        var joinedAt = ParseJoinedAt(fields[JoinedAt], ref problems);
        var optedOut = ParseOptOut(fields[OptOut], ref problems);
        problems.Extras(record.ExtrasJson, "attributes");

        return problems.Any
            ? SourceRow<MemberRow>.Invalid(record.Line, problems.Describe()!)
            : SourceRow<MemberRow>.Valid(record.Line, new MemberRow(
                memberId!, displayName, email, string.IsNullOrEmpty(locale) ? null : locale, joinedAt, optedOut, record.ExtrasJson));
    }

    private DateTimeOffset? ParseJoinedAt(string? text, ref RowProblems problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            return calendar.InstantOf(date.ToDateTime(TimeOnly.MinValue));
        }
        if (IsoTimestamp.TryParse(text, calendar, out var instant) == IsoTimestamp.Result.Ok)
        {
            return instant;
        }
        problems.Add($"joined_at '{EventRowParser.Shorten(text)}' is not a date (2025-01-31) or an ISO 8601 timestamp");
        return null;
    }

    /// <summary>Reads <c>email</c>, <c>teams</c>, <c>webhook</c> or <c>all</c>, several separated by <c>;</c>, <c>|</c> or spaces; also <c>true</c> for all.</summary>
    private static ContactChannels ParseOptOut(string? text, ref RowProblems problems)
    {
        var result = ContactChannels.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }
        foreach (var part in text.Split([';', '|', ' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "email": result |= ContactChannels.Email; break;
                case "teams": result |= ContactChannels.Teams; break;
                case "webhook": result |= ContactChannels.Webhook; break;
                case "all" or "true" or "yes" or "1": result |= ContactChannels.All; break;
                case "none" or "false" or "no" or "0": break;
                default:
                    problems.Add($"opt_out '{EventRowParser.Shorten(part)}' is not one of email, teams, webhook, all");
                    break;
            }
        }
        return result;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();
}

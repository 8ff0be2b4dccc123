using Actionlytics.Core.Communities;

namespace Actionlytics.Core.Ingestion;

/// <summary>
/// Parses ISO 8601 timestamps as platforms export them: <c>2026-03-01T08:15:00Z</c>, <c>2026-03-01 08:15:00.123+01:00</c>,
/// seconds and fractions optional. A timestamp without <c>Z</c> or an offset is only accepted when the caller
/// says which time zone it was written in: guessing would silently move events to other days.
/// </summary>
public static class IsoTimestamp
{
    public enum Result
    {
        Ok,
        Malformed,
        MissingOffset,
    }

    /// <summary>Parses <paramref name="text"/>; without an offset, <paramref name="assumeZone"/> (if any) supplies one.</summary>
    public static Result TryParse(ReadOnlySpan<char> text, CommunityCalendar? assumeZone, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim();
        if (text.Length < 16
            || !TryDigits(text, 0, 4, out var year) || text[4] != '-'
            || !TryDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryDigits(text, 8, 2, out var day) || text[10] is not ('T' or 't' or ' ')
            || !TryDigits(text, 11, 2, out var hour) || text[13] != ':'
            || !TryDigits(text, 14, 2, out var minute))
        {
            return Result.Malformed;
        }

        var i = 16;
        var second = 0;
        long fractionTicks = 0;
        if (i < text.Length && text[i] == ':')
        {
            if (!TryDigits(text, i + 1, 2, out second))
            {
                return Result.Malformed;
            }
            i += 3;
            if (i < text.Length && text[i] is '.' or ',')
            {
                i++;
                var start = i;
                long scale = TimeSpan.TicksPerSecond;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    scale /= 10;
                    fractionTicks += (text[i] - '0') * scale;
                    i++;
                }
                if (i == start)
                {
                    return Result.Malformed;
                }
            }
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return Result.Malformed;
        }
        var wallClock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);

        if (i == text.Length)
        {
            if (assumeZone is null)
            {
                return Result.MissingOffset;
            }
            value = assumeZone.InstantOf(wallClock);
            return Result.Ok;
        }

        TimeSpan offset;
        if (text[i] is 'Z' or 'z' && i + 1 == text.Length)
        {
            offset = TimeSpan.Zero;
        }
        else if (text[i] is '+' or '-' && TryParseOffset(text[(i + 1)..], out offset))
        {
            if (text[i] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return Result.Malformed;
        }

        value = new DateTimeOffset(wallClock, offset);
        return Result.Ok;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = default;
        int minutes;
        if (!TryDigits(text, 0, 2, out var hours))
        {
            return false;
        }
        if (text.Length == 2)
        {
            minutes = 0;
        }
        else if (text.Length == 5 && text[2] == ':' && TryDigits(text, 3, 2, out minutes))
        {
        }
        else if (text.Length == 4 && TryDigits(text, 2, 2, out minutes))
        {
        }
        else
        {
            return false;
        }
        if (hours > 14 || minutes > 59)
        {
            return false;
        }
        offset = new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}

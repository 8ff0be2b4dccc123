using System.Text.RegularExpressions;

namespace Actionlytics.Core.Communities;

/// <summary>The rule for community slugs: lowercase letters, digits and dashes, 2 to 64 characters.</summary>
public static partial class CommunitySlug
{
    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;

namespace Actionlytics.Core.Activity;

/// <summary>The actions the product knows by name, and the rule any custom action name follows.</summary>
public static partial class ActionNames
{
    public const string Login = "login";
    public const string Download = "download";
    public const string QuizAnswer = "quiz_answer";
    public const string BadgeEarned = "badge_earned";
    public const string VideoView = "video_view";
    public const string Contribution = "contribution";

    /// <summary>The six actions every community platform reports in some form.</summary>
    public static IReadOnlyList<string> Known { get; } = [Login, Download, QuizAnswer, BadgeEarned, VideoView, Contribution];

    /// <summary>Whether a name is a valid action: lowercase letters, digits, <c>_</c>, <c>.</c> or <c>-</c>, 1 to 64 characters.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

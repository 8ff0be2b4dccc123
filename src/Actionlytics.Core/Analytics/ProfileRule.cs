namespace Actionlytics.Core.Analytics;

/// <summary>
/// A behavioural profile: members whose active days mostly involve some actions. Rules are tried in order.
/// A day counts when it has any of <see cref="Actions"/> (or, with <see cref="OnlyTheseActions"/>, nothing else).
/// </summary>
public sealed class ProfileRule
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Action names: the six known ones, or <c>other</c> for custom actions.</summary>
    public List<string> Actions { get; set; } = [];

    /// <summary>Share of the member's active days (0..1) that must count for the profile to apply.</summary>
    public double MinShareOfActiveDays { get; set; }

    public bool OnlyTheseActions { get; set; }
}

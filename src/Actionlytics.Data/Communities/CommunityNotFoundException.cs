namespace Actionlytics.Data.Communities;

/// <summary>No community has this slug.</summary>
public sealed class CommunityNotFoundException(string slug)
    : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.NotFound, $"No community '{slug}'. Create it first (actionlytics community create {slug} --time-zone Europe/Paris) or check the slug.")
{
    public string Slug { get; } = slug;
}

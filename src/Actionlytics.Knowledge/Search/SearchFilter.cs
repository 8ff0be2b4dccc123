using Actionlytics.Knowledge.Playbooks;

namespace Actionlytics.Knowledge.Search;

/// <summary>Restricts a search to playbooks serving a need, fitting a channel, a profile or a segment.</summary>
public sealed record SearchFilter(string? Need = null, string? Channel = null, string? Profile = null, string? Segment = null)
{
    public static SearchFilter None { get; } = new();

    public void Validate()
    {
        Check(Need, PlaybookVocabulary.Needs, "need");
        Check(Channel, PlaybookVocabulary.Channels, "channel");
        Check(Profile, PlaybookVocabulary.Profiles, "profile");
        Check(Segment, PlaybookVocabulary.Segments, "segment");
    }

    public bool Matches(PlaybookChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return (Need is null || chunk.Needs.Contains(Need))
            && (Channel is null || chunk.Channels.Contains(Channel))
            && (Profile is null || chunk.Profiles.Contains(Profile) || chunk.Profiles.Contains("any"))
            && (Segment is null || chunk.Segments.Contains(Segment) || chunk.Segments.Contains("any"));
    }

    private static void Check(string? value, IReadOnlySet<string> allowed, string name)
    {
        if (value is not null && !allowed.Contains(value))
        {
            throw new KnowledgeArgumentException($"Unknown {name} '{value}': use one of {string.Join(", ", allowed.Where(v => v != "any").Order())}.");
        }
    }
}

/// <summary>A search was asked in a way that cannot be answered (unknown filter value...).</summary>
public sealed class KnowledgeArgumentException(string message) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.InvalidInput, message);

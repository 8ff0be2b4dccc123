namespace Actionlytics.Agent.Planning;

/// <summary>
/// The product's concepts as managers name them, in every language of the lexicon: the tables of
/// <c>prompts/planner/*/words.tsv</c> whose keys are <c>table.value</c> (<c>action.login</c>, <c>segment.fading</c>,
/// <c>profile.learner</c>, <c>need</c>, <c>channel</c>, <c>format</c>, <c>granularity</c>). Phrases are matched as whole words.
/// </summary>
internal static class Vocabulary
{
    public const string Actions = "action";
    public const string Segments = "segment";
    public const string Profiles = "profile";
    public const string Needs = "need";
    public const string Channels = "channel";
    public const string Formats = "format";
    public const string Granularities = "granularity";

    /// <summary>The first value whose phrase appears; null when none does.</summary>
    public static string? Find(Utterance utterance, string table) =>
        utterance.Lexicon.Table(table).FirstOrDefault(entry => entry.Phrases.In(utterance.Normalised)).Value;

    /// <summary>Like <see cref="Find"/>, with where the longest phrase is (to tell a profile's words from an action's).</summary>
    public static (string Value, int Position, int Length)? Locate(Utterance utterance, string table)
    {
        foreach (var (value, phrases) in utterance.Lexicon.Table(table))
        {
            foreach (var (start, end) in phrases.Spans(utterance.Normalised).Take(1))
            {
                return (value, start, end - start);
            }
        }
        return null;
    }

    /// <summary>Whether a value is one of a table's (a built-in segment, a built-in action).</summary>
    public static bool Names(PlannerLexicon lexicon, string table, string value) => lexicon.Table(table).Any(e => e.Value == value);
}

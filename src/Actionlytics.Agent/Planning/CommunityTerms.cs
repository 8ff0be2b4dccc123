namespace Actionlytics.Agent.Planning;

/// <summary>
/// What the planner knows of the community it reads a question for: the actions its members do, by the names its data
/// uses (custom ones included), and the planner's lexicon. Without them (<see cref="None"/>) the planner knows only the
/// built-in actions and checks no counted word.
/// </summary>
public sealed record CommunityTerms(IReadOnlyList<string> Actions, PlannerLexicon Lexicon)
{
    public static CommunityTerms None { get; } = new([], PlannerLexicon.Empty);

    public bool Known => Actions.Count > 0;

    public bool Has(string action) => Actions.Contains(action, StringComparer.Ordinal);
}

/// <summary>
/// The planner's word lists, every language's (<c>prompts/planner/*/</c>): words for communities' own actions, and the
/// starts of the words a "how many ..." can count.
/// </summary>
public sealed record PlannerLexicon(IReadOnlyList<ActionWord> ActionWords, IReadOnlyList<string> CountedWords)
{
    public static PlannerLexicon Empty { get; } = new([], []);
}

/// <summary>A question word (<see cref="Word"/>, matched as a word start) that stands for one word of an action's name.</summary>
public sealed record ActionWord(string Word, string Stands);

namespace Actionlytics.Agent.Planning;

/// <summary>
/// What the planner knows of the community it reads a question for: the actions its members do, by the names its data
/// uses (custom ones included), and the planner's lexicon. Without them (<see cref="None"/>) the planner knows only the
/// built-in actions and checks no counted word.
/// </summary>
public sealed record CommunityTerms(IReadOnlyList<string> Actions, PlannerLexicon Lexicon)
{
    private static readonly Lazy<CommunityTerms> Nothing = new(() => new([], PlannerLexicon.Default));

    public static CommunityTerms None => Nothing.Value;

    public bool Known => Actions.Count > 0;

    public bool Has(string action) => Actions.Contains(action, StringComparer.Ordinal);

    /// <summary>The community's own actions, beyond the built-in ones (assignment_submitted, code_change...).</summary>
    public IEnumerable<string> OwnActions => Actions.Where(a => !Core.Activity.ActionNames.Known.Contains(a));
}


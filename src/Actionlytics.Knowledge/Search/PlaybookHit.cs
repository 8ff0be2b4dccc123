namespace Actionlytics.Knowledge.Search;

/// <summary>A playbook found for a query, with its citation: the best matching section and an excerpt of it.</summary>
public sealed record PlaybookHit(
    string PlaybookId,
    string Title,
    string Section,
    string Excerpt,
    double Score,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Channels)
{
    /// <summary>How answers cite it: <c>[competence-progress-recap: Show members the progress they already made, "How to do it"]</c>.</summary>
    public string Citation => $"[{PlaybookId}: {Title}, \"{Section}\"]";
}

/// <summary>Which evidence ranks the results.</summary>
public enum RankingMode
{
    /// <summary>BM25 on words only.</summary>
    Keyword,

    /// <summary>Vector similarity only.</summary>
    Vector,

    /// <summary>Both, fused by reciprocal rank.</summary>
    Hybrid,
}

using Actionlytics.Knowledge.Search;

namespace Actionlytics.Knowledge.Tests;

/// <summary>Retrieval quality on the labelled manager questions in RetrievalSet/, with the embedded (offline) models.</summary>
public sealed class RetrievalQualityTests : IClassFixture<ShippedKnowledge>
{
    private readonly ShippedKnowledge _knowledge;

    public RetrievalQualityTests(ShippedKnowledge knowledge) => _knowledge = knowledge;

    private static IReadOnlyList<LabelledQuery> Queries { get; } = RetrievalEvaluation.Load(Path.Combine(AppContext.BaseDirectory, "RetrievalSet"));

    [Fact]
    public void Has_at_least_sixty_labelled_questions_about_shipped_playbooks()
    {
        Assert.True(Queries.Count >= 60, $"{Queries.Count} labelled queries");
        var ids = _knowledge.Knowledge.Library.Playbooks.Select(p => p.Id).ToHashSet();
        Assert.All(Queries, q => Assert.All(q.Relevant, id => Assert.Contains(id, ids)));
    }

    /// <summary>
    /// Hybrid at least as good as keywords alone on every metric, and no worse than today's recall@5 (0.79); the product's
    /// target is 0.9 (issue 4 stays open until then: see the benchmark's table).
    /// </summary>
    [Fact]
    public async Task Hybrid_ranking_is_at_least_as_good_as_keywords_alone_on_every_metric()
    {
        var quality = (await RetrievalEvaluation.MeasureAsync(_knowledge.Knowledge, Queries)).ToDictionary(q => q.Mode);
        var hybrid = quality[RankingMode.Hybrid];
        var keyword = quality[RankingMode.Keyword];

        Assert.True(hybrid.RecallAt5 >= keyword.RecallAt5, $"recall@5: hybrid {hybrid.RecallAt5:F3} < keyword {keyword.RecallAt5:F3}");
        Assert.True(hybrid.Mrr >= keyword.Mrr, $"MRR: hybrid {hybrid.Mrr:F3} < keyword {keyword.Mrr:F3}");
        Assert.True(hybrid.NdcgAt10 >= keyword.NdcgAt10, $"nDCG@10: hybrid {hybrid.NdcgAt10:F3} < keyword {keyword.NdcgAt10:F3}");
        Assert.True(hybrid.RecallAt5 >= 0.75, $"hybrid recall@5 fell to {hybrid.RecallAt5:F3}");
    }

    [Fact]
    public async Task Puts_competence_support_first_for_members_who_stopped_after_failing_quizzes()
    {
        var hits = await _knowledge.Knowledge.SearchAsync("members who stopped after failing quizzes", SearchFilter.None);

        Assert.Equal("quiz-failure-recovery", hits[0].PlaybookId);
        Assert.Contains("competence", hits[0].Needs);
        Assert.All(hits.Take(3), h => Assert.False(string.IsNullOrEmpty(h.Excerpt)));
        Assert.StartsWith("[quiz-failure-recovery: ", hits[0].Citation);
    }
}

using Actionlytics.Knowledge.Search;

namespace Actionlytics.Knowledge.Tests;

public sealed class PlaybookSearchTests : IClassFixture<ShippedKnowledge>
{
    private readonly PlaybookKnowledge _knowledge;

    public PlaybookSearchTests(ShippedKnowledge shipped) => _knowledge = shipped.Knowledge;

    [Fact]
    public async Task Keeps_only_playbooks_serving_the_asked_need_and_channel()
    {
        var hits = await _knowledge.SearchAsync("bring inactive members back", new SearchFilter(Need: "relatedness", Channel: "teams"), top: 10);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("relatedness", h.Needs));
        Assert.All(hits, h => Assert.Contains("teams", h.Channels));
    }

    [Fact]
    public async Task Refuses_an_empty_query_and_an_unknown_need_with_a_clear_message()
    {
        var empty = await Assert.ThrowsAsync<KnowledgeArgumentException>(() => _knowledge.SearchAsync("   ", SearchFilter.None));
        var need = await Assert.ThrowsAsync<KnowledgeArgumentException>(() => _knowledge.SearchAsync("quizzes", new SearchFilter(Need: "joy")));

        Assert.Contains("empty", empty.Message);
        Assert.Contains("autonomy, competence, relatedness", need.Message);
    }

    [Fact]
    public async Task Answers_a_ten_thousand_character_query()
    {
        var query = string.Concat(Enumerable.Repeat("members who stopped after failing quizzes ", 250));

        var hits = await _knowledge.SearchAsync(query[..10_000], SearchFilter.None);

        Assert.Equal("quiz-failure-recovery", hits[0].PlaybookId);
    }

    [Fact]
    public async Task Understands_a_French_question()
    {
        var hits = await _knowledge.SearchAsync("comment relancer les membres sans les culpabiliser ?", SearchFilter.None);

        Assert.Contains(hits.Take(3), h => h.PlaybookId == "no-guilt-no-pressure");
    }
}

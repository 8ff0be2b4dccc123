using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;

namespace Actionlytics.Agent.Tests;

/// <summary>
/// What the planner does with words it cannot use: a duration nothing read, two actions it cannot tell apart, a
/// generic word of a longer action name. It says so instead of answering another question; and it reads the
/// end of a quarter in words, inactivity said as "not active", and "what happened in" a month.
/// </summary>
public sealed class UnderstandOrSayTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly PlannerLexicon Lexicon = AgentPrompts.Load(AgentPrompts.DefaultFolder()).Lexicon;
    private static readonly CommunityTerms Repository = new(["code_change", "docs_update", "release", "bot_update"], Lexicon);
    private static readonly CommunityTerms Git = new(["commit", "merge"], Lexicon);

    private static string Read(string question, CommunityTerms terms)
    {
        var plan = RequestReader.Read(question, Today, [], terms);
        return PlanText.Of(plan);
    }

    [Theory]
    [InlineData("How many members posted every 3 weeks in 2021?", "NotUnderstood 3 weeks")]
    [InlineData("Combien de membres actifs en 2021, tous les 15 jours ?", "NotUnderstood 15 jours")]
    public void Names_a_duration_nothing_read(string question, string expected) =>
        Assert.Equal(expected, Read(question, Repository));

    [Theory]
    [InlineData("Compare the last 30 days with the 30 days before")]
    [InlineData("Compare les 30 derniers jours avec les 30 jours précédents")]
    [InlineData("Of those who started in June 2016, how many were active two months later?")]
    public void Takes_the_window_before_and_months_later_as_read(string question) =>
        Assert.DoesNotContain("NotUnderstood", Read(question, Repository), StringComparison.Ordinal);

    [Fact]
    public void Explains_a_member_as_of_the_day_asked() =>
        Assert.Equal("explain_member as_of=2020-12-31,member_id=cc7ba33ae7e",
            Read("What's the inactivity score of contributor cc7ba33ae7e as of 2020-12-31, and why is it that low?", Repository));

    [Theory]
    [InlineData("Which countries do most of our contributors come from?", "NotCounted countries")]
    [InlineData("¿De qué países son nuestros miembros más activos?", "NotCounted países")]
    [InlineData("How many logins did we have in 2021?", "NotCounted logins")]
    public void Says_what_the_data_does_not_hold_about_members(string question, string expected) =>
        Assert.Equal(expected, Read(question, Repository));

    [Theory]
    [InlineData("¿Cuánta gente hizo su primera contribución entre el 1 de septiembre y el 30 de noviembre de 2022?", "compare_periods from=2022-09-01,previous_from=2022-06-01,previous_to=2022-08-31,to=2022-11-30")]
    [InlineData("Combien de publications de version ont eu lieu en 2016 ?", "count_actions action=release,from=2016-01-01,to=2016-12-31,top=5")]
    public void Reads_a_contribution_as_any_activity_where_the_data_has_no_contribution_action(string question, string expected) =>
        Assert.Equal(expected, Read(question, Repository));

    [Fact]
    public void Says_it_counts_one_action_at_a_time_when_two_are_named_equally() =>
        Assert.Equal("TwoActions docs_update,code_change", Read("How many people made both docs updates and code changes in 2023?", Repository));

    [Fact]
    public void Counts_every_event_when_the_actions_named_are_all_the_community_does() =>
        Assert.Contains("from=2017-05-15,to=2017-08-15", Read("Between 15 May 2017 and 15 August 2017, how many different people pushed a commit or a merge?", Git), StringComparison.Ordinal);

    [Fact]
    public void Does_not_read_a_percent_change_as_the_code_change_action() =>
        Assert.DoesNotContain("code_change", Read("How did the number of active members in 2024 compare with 2023? Give me the % change too.", Repository), StringComparison.Ordinal);

    [Theory]
    [InlineData("Quanti membri risultavano inattivi alla fine del primo trimestre 2025?", "as_of=2025-03-31")]
    [InlineData("Combien d'inactifs à la fin du mois de mai 2026 ?", "as_of=2026-05-31")]
    public void Reads_the_end_of_a_period_in_words(string question, string expected) =>
        Assert.Contains(expected, Read(question, Repository), StringComparison.Ordinal);

    [Theory]
    [InlineData("Quanti membri non sono attivi da almeno 40 giorni al 15 marzo 2026?", "inactive_after_days=40")]
    [InlineData("As of 31 Dec 2023, how many contributors hadn't committed anything in 8 weeks or more?", "inactive_after_days=56")]
    public void Reads_inactivity_said_in_other_words_as_the_threshold(string question, string expected)
    {
        var read = Read(question, Repository);
        Assert.StartsWith("inactivity_scores", read, StringComparison.Ordinal);
        Assert.Contains(expected, read, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what happened in October 2025?")]
    [InlineData("Qu'est-ce qui s'est passé en juillet 2026 ?")]
    public void Answers_what_happened_in_a_month_with_its_lifecycle(string question) =>
        Assert.StartsWith("compare_periods", Read(question, Repository), StringComparison.Ordinal);

    [Fact]
    public void Reads_a_period_named_twice_as_one_and_places_both_years() =>
        Assert.StartsWith("compare_periods", Read("How many members went dormant in February 2014 (active in January 2014 but not in February 2014)?", Repository), StringComparison.Ordinal);

    [Fact]
    public void Counts_every_action_when_told_all_actions_together() =>
        Assert.Equal("count_actions from=2014-01-01,to=2014-12-31,top=5", Read("Total number of events logged in 2014, all actions together?", Repository));

    [Fact]
    public void Scores_as_of_a_day_written_on_its_own_with_a_threshold() =>
        Assert.Equal("inactivity_scores as_of=2017-09-30,inactive_after_days=56", Read("On 2017-09-30, how many contributors had gone 8 weeks or longer without a commit?", Repository));

    [Theory]
    [InlineData("What's the inactivity score of contributor cc7ba33ae7e as of 2020-12-31, and why is it that low?", "cc7ba33ae7e")]
    [InlineData("Pourquoi le membre 4f2a91c est-il inactif ?", "4f2a91c")]
    public void Explains_a_member_named_by_any_id_after_a_member_word(string question, string id)
    {
        var read = Read(question, Repository);
        Assert.StartsWith("explain_member ", read, StringComparison.Ordinal);
        Assert.Contains($"member_id={id}", read, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_who_did_not_show_up_in_the_second_period_as_an_overlap() =>
        Assert.StartsWith("compare_periods", Read("Of the folks who were active in 2021, how many didn't show up at all in 2022?", Repository), StringComparison.Ordinal);
}

using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;

namespace Actionlytics.Agent.Tests;

/// <summary>
/// Questions about a community's own actions, read with what the planner knows of that community (its action names
/// and the lexicon in prompts/planner): counts and leaders of an action, changes between two named periods, the
/// lifecycle of one named period, and counts of something the data does not hold.
/// </summary>
public sealed class OwnActionReadingTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly PlannerLexicon Lexicon = AgentPrompts.Load(AgentPrompts.DefaultFolder()).Lexicon;
    private static readonly CommunityTerms Git = new(["commit", "merge"], Lexicon);
    private static readonly CommunityTerms Courses = new(["assignment_submitted", "registration", "unregistration", "quiz_answer"], Lexicon);

    private static string Calls(string question, CommunityTerms terms)
    {
        var plan = RequestReader.Read(question, Today, [], terms);
        return PlanText.Of(plan);
    }

    [Theory]
    [InlineData("How many merges landed in 2021?", "count_actions action=merge,from=2021-01-01,to=2021-12-31,top=5")]
    [InlineData("Combien de commits, hors merges, en 2023 ?", "count_actions action=commit,from=2023-01-01,to=2023-12-31,top=5")]
    [InlineData("Quanti commit, esclusi i merge, ci sono stati a marzo 2021?", "count_actions action=commit,from=2021-03-01,to=2021-03-31,top=5")]
    [InlineData("Who merged something in the first quarter of 2020?", "count_actions action=merge,from=2020-01-01,to=2020-03-31,top=10")]
    public void Counts_the_action_the_question_names(string question, string expected) =>
        Assert.Equal(expected, Calls(question, Git));

    [Theory]
    [InlineData("How many assignments were submitted in May 2014?", "count_actions action=assignment_submitted,from=2014-05-01,to=2014-05-31,top=5")]
    [InlineData("Combien de devoirs rendus en mai 2014 ?", "count_actions action=assignment_submitted,from=2014-05-01,to=2014-05-31,top=5")]
    [InlineData("Quante iscrizioni a ottobre 2014?", "count_actions action=registration,from=2014-10-01,to=2014-10-31,top=5")]
    public void Reads_an_action_through_the_words_of_its_name_and_the_lexicon(string question, string expected) =>
        Assert.Equal(expected, Calls(question, Courses));

    [Fact]
    public void Looks_at_the_later_of_two_named_periods_and_compares_it_with_the_earlier() =>
        Assert.Equal("count_actions action=merge,from=2014-01-01,previous_from=2013-01-01,previous_to=2013-03-31,to=2014-03-31,top=5",
            Calls("Were there more merges in Q1 2014 or in Q1 2013?", Git));

    [Theory]
    [InlineData("Can you break down May 2019 into new, returning, resurrecting and dormant contributors?", "compare_periods from=2019-05-01,previous_from=2019-04-01,previous_to=2019-04-30,to=2019-05-31")]
    [InlineData("In Q3 2021, how many contributors did we gain and how many did we lose?", "compare_periods from=2021-07-01,previous_from=2021-04-01,previous_to=2021-06-30,to=2021-09-30")]
    [InlineData("Combien de nouveaux contributeurs sont arrivés en mai 2021 ?", "compare_periods from=2021-05-01,previous_from=2021-04-01,previous_to=2021-04-30,to=2021-05-31")]
    public void Reads_the_lifecycle_of_one_named_period_against_the_one_before(string question, string expected) =>
        Assert.Equal(expected, Calls(question, Git));

    [Fact]
    public void Does_not_take_the_members_word_of_a_community_where_nobody_posts_for_the_contributor_profile() =>
        Assert.Equal("inactivity_scores as_of=2020-12-31,top=5", Calls("Top 5 inactive contributors by reactivation score on 2020-12-31?", Git));

    [Theory]
    [InlineData("How many lines of code were added in 2019?", "NotCounted lines of code")]
    [InlineData("Combien d'étoiles GitHub le projet a-t-il gagnées en 2018 ?", "NotCounted étoiles GitHub")]
    [InlineData("Quante righe di codice sono state modificate nel 2017?", "NotCounted righe di codice")]
    public void Says_what_it_cannot_count_instead_of_counting_something_else(string question, string expected) =>
        Assert.Equal(expected, Calls(question, Git));

    [Theory]
    [InlineData("How many first-time contributors showed up in June 2016?")]
    [InlineData("How many people contributed in March 2013?")]
    [InlineData("How many were inactive on 31 December 2014?")]
    public void Counts_what_it_has_figures_for(string question) =>
        Assert.DoesNotContain("NotCounted", Calls(question, Git), StringComparison.Ordinal);

    [Theory]
    [InlineData("Retention check: contributors whose first commit was in June 2016, how many of them were still contributing two months later?", "retention_cohorts from=2016-06-01,months_later=2")]
    [InlineData("Parmi les contributeurs arrivés en avril 2012, quelle part était encore active un mois plus tard ?", "retention_cohorts from=2012-04-01,months_later=1")]
    [InlineData("Dei contributori arrivati ad aprile 2013, quanti erano ancora attivi sei mesi dopo?", "retention_cohorts from=2013-04-01,months_later=6")]
    public void Follows_one_cohort_to_the_month_asked(string question, string expected) =>
        Assert.Equal(expected, Calls(question, Git));

    [Fact]
    public void Reads_members_active_in_both_periods_as_the_two_periods_side_by_side()
    {
        Assert.Equal("compare_periods from=2019-01-01,previous_from=2018-01-01,previous_to=2018-12-31,to=2019-12-31", Calls("How many contributors were active in both 2018 and 2019?", Git));
        Assert.Equal(AnswerFocus.Overlap, RequestReader.FocusOf("How many contributors were active in both 2018 and 2019?", Today, Git));
    }

    [Theory]
    [InlineData("en", "How many lines of code were added in 2019?")]
    [InlineData("fr", "Combien d'étoiles GitHub le projet a-t-il gagnées en 2018 ?")]
    [InlineData("it", "Quante righe di codice sono state modificate nel 2017?")]
    public void Offers_only_questions_it_would_answer_built_from_the_period_asked(string language, string question)
    {
        var templates = AgentPrompts.Load(AgentPrompts.DefaultFolder()).Answers(language);

        var suggestions = QuestionSuggestions.For(question, Today, Git, templates);

        Assert.InRange(suggestions.Count, 3, QuestionSuggestions.Max);
        Assert.Contains(suggestions, s => s.Contains("-01-01", StringComparison.Ordinal));
        Assert.All(suggestions, s => Assert.Equal(PlanOutcome.Calls, RequestReader.Read(s, Today, [], Git).Outcome));
        Assert.All(suggestions, s => Assert.Equal(language, RequestReader.LanguageOf(s)));
    }

    private static readonly CommunityTerms Repository = new(["commit", "merge", "docs_edit", "test_edit"], Lexicon);

    [Theory]
    [InlineData("How many test-only commits landed in 2025?", "test_edit")]
    [InlineData("combien de commits qui ne touchent que les tests en 2014", "test_edit")]
    [InlineData("How many docs changes were there in 2019?", "docs_edit")]
    [InlineData("Combien de modifs de la doc en 2018 ?", "docs_edit")]
    public void Narrows_to_the_action_a_modifier_or_an_only_names(string question, string action) =>
        Assert.Contains($"action={action},", Calls(question, Repository), StringComparison.Ordinal);

    [Theory]
    [InlineData("What was the change in active contributors from 2018 to 2019?", "compare_periods from=2019-01-01,previous_from=2018-01-01,previous_to=2018-12-31,to=2019-12-31")]
    [InlineData("Between 2014 and 2016 inclusive, how many different people made at least one merge?", "count_actions action=merge,from=2014-01-01,to=2016-12-31,top=5")]
    [InlineData("Break Q4 2018 down into new / returning / resurrecting / dormant compared with Q3.", "compare_periods from=2018-10-01,previous_from=2018-07-01,previous_to=2018-09-30,to=2018-12-31")]
    [InlineData("How many contributors were active during ISO week 19 of 2019?", "activity_trend from=2019-05-06,to=2019-05-12")]
    public void Reads_years_as_the_question_uses_them(string question, string expected) =>
        Assert.Equal(expected, Calls(question, Repository));

    [Theory]
    [InlineData("What were the email open rates in 2021?", "NotCounted open rates")]
    [InlineData("Qual è il tasso di apertura delle email?", "NotCounted tasso di apertura")]
    public void Says_a_rate_of_something_the_data_does_not_hold_is_not_understood(string question, string expected) =>
        Assert.Equal(expected, Calls(question, Repository));

    [Fact]
    public void Counts_a_rate_it_has_figures_for() =>
        Assert.DoesNotContain("NotCounted", Calls("What was our activity rate in January 2015?", Repository), StringComparison.Ordinal);

    [Fact]
    public void Reads_an_italian_comparison_as_italian() =>
        Assert.Equal("it", RequestReader.LanguageOf("Confronta i membri attivi di ottobre 2025 con quelli di settembre 2025, anche in percentuale."));
}

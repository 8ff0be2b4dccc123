using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;

namespace Actionlytics.Agent.Tests;

/// <summary>
/// A follow-up changes one thing of the question before it and keeps the rest: another year for a count of one of the
/// community's actions, the same half or quarter of another year, a period whose comparison moves with it, and the
/// conversation's language when the follow-up is too short to tell.
/// </summary>
public sealed class FollowUpReadingTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly PlannerLexicon Lexicon = AgentPrompts.Load(AgentPrompts.DefaultFolder()).Lexicon;
    private static readonly CommunityTerms Repository = new(["code_change", "docs_change", "release", "pr_merge"], Lexicon);

    /// <summary>The second question's plan, read after the first one's calls.</summary>
    private static string After(string first, string second)
    {
        var before = RequestReader.Read(first, Today, [], Repository);
        return PlanText.Of(RequestReader.Read(second, Today, before.Calls, Repository, followed: first));
    }

    [Theory]
    [InlineData("How many release commits did we ship in 2019?", "And in 2024?")]
    [InlineData("wie viele release-Events hatten wir im Jahr 2019?", "Und 2024?")]
    [InlineData("¿Cuántos release hubo en 2019?", "¿y en 2024?")]
    public void Counts_the_same_action_in_another_year(string first, string second) =>
        Assert.Equal("count_actions action=release,from=2024-01-01,to=2024-12-31,top=5", After(first, second));

    [Fact]
    public void Counts_another_action_in_the_same_period() =>
        Assert.Equal("count_actions action=docs_change,from=2024-03-01,to=2024-05-31,top=5",
            After("How many members made code changes between March and May 2024?", "and for docs_change?"));

    [Theory]
    [InlineData("active contributors in the second half of 2019?", "What about the same half of 2023?", "activity_trend from=2023-07-01,to=2023-12-31")]
    [InlineData("Miembros activos en el primer trimestre de 2020, porfa", "¿Y en el mismo trimestre de 2021?", "activity_trend from=2021-01-01,to=2021-03-31")]
    public void Moves_the_same_half_or_quarter_to_the_year_named(string first, string second, string expected) =>
        Assert.Equal(expected, After(first, second));

    [Fact]
    public void Moves_the_period_compared_with_the_period()
    {
        Assert.Equal("compare_periods from=2023-01-01,previous_from=2022-01-01,previous_to=2022-12-31,to=2023-12-31",
            After("Combien de nouveaux membres en 2022 ?", "Et en 2023 ?"));
        Assert.Equal(AnswerFocus.Lifecycle, RequestReader.FocusOf("Et en 2023 ?", Today, Repository, followed: "Combien de nouveaux membres en 2022 ?"));
    }

    [Theory]
    [InlineData("¿y en 2021?", "es")]
    [InlineData("And in 2024?", "en")]
    public void Keeps_the_conversation_language_when_a_follow_up_is_too_short_to_tell(string followUp, string conversation) =>
        Assert.Equal(conversation, RequestReader.LanguageOf(followUp, Lexicon, conversation));

    [Fact]
    public void Still_follows_a_clear_switch_of_language() =>
        Assert.Equal("fr", RequestReader.LanguageOf("Et combien de membres actifs en 2023 ?", Lexicon, "en"));

    [Theory]
    [InlineData("How many contributors had gone quiet as of June 30, 2021?", "ok and if we say 12 weeks instead?", "inactivity_scores as_of=2021-06-30,inactive_after_days=84")]
    [InlineData("Combien de membres inactifs au 31 mars 2020 ?", "Et à la même date en 2023 ?", "inactivity_scores as_of=2023-03-31")]
    public void Changes_the_threshold_or_the_year_of_the_day_scored(string first, string second, string expected) =>
        Assert.Equal(expected, After(first, second));

    [Theory]
    [InlineData("Combien de commits de code au 3e trimestre 2022 ?", "Et au quatrième trimestre ?", "count_actions action=code_change,from=2022-10-01,to=2022-12-31,top=5")]
    [InlineData("Necesito saber cuántas personas distintas tuvieron actividad en el primer semestre de 2016", "¿y en el segundo semestre?", "activity_trend from=2016-07-01,to=2016-12-31")]
    [InlineData("Neue Mitglieder im ersten Halbjahr 2022?", "ok, und im zweiten Halbjahr?", "compare_periods from=2022-07-01,previous_from=2022-01-01,previous_to=2022-06-30,to=2022-12-31")]
    [InlineData("How many active members in February 2023?", "compare it with January", "compare_periods from=2023-02-01,previous_from=2023-01-01,previous_to=2023-01-31,to=2023-02-28")]
    public void Reads_a_period_written_with_no_year_in_the_year_asked_before(string first, string second, string expected) =>
        Assert.Equal(expected, After(first, second));

    [Fact]
    public void Applies_a_new_period_to_each_year_compared() =>
        Assert.Equal("compare_periods from=2023-01-01,previous_from=2022-01-01,previous_to=2022-06-30,to=2023-06-30",
            After("How did the number of active contributors change from Q1 2022 to Q1 2023?", "same thing but comparing the first halves of those years?"));

    [Fact]
    public void Keeps_the_new_members_focus_after_ok() =>
        Assert.Equal(AnswerFocus.Lifecycle, RequestReader.FocusOf("ok, und im zweiten Halbjahr?", Today, Repository, followed: "Neue Mitglieder im ersten Halbjahr 2022?"));

    [Theory]
    [InlineData("At the end of Q3 2024, how many people would count as inactive?", "ok and what about at the end of Q1 2025?", "inactivity_scores as_of=2025-03-31")]
    [InlineData("nombre de membres inactifs fin avril 2022", "Et fin avril 2023 ?", "inactivity_scores as_of=2023-04-30")]
    [InlineData("Quanti membri risultavano inattivi alla fine di maggio 2024?", "E se la soglia fosse di 60 giorni?", "inactivity_scores as_of=2024-05-31,inactive_after_days=60")]
    public void Scores_as_of_another_day_or_with_another_threshold(string first, string second, string expected) =>
        Assert.Equal(expected, After(first, second));

    [Theory]
    [InlineData("Neue Mitglieder im September 2022 – wie viele waren es?", "Und im ganzen Jahr 2022?", "compare_periods from=2022-01-01,previous_from=2021-01-01,previous_to=2021-12-31,to=2022-12-31")]
    [InlineData("¿Cuántos miembros nuevos se sumaron a la comunidad en 2023?", "vale, ¿y de julio a diciembre de 2024?", "compare_periods from=2024-07-01,previous_from=2024-01-01,previous_to=2024-06-30,to=2024-12-31")]
    public void Compares_a_new_period_with_the_one_just_as_long_before_it(string first, string second, string expected) =>
        Assert.Equal(expected, After(first, second));

    [Fact]
    public void Follows_another_cohort_the_same_months_later() =>
        Assert.Equal("retention_cohorts from=2022-01-01,months_later=1",
            After("Von den Mitgliedern, die im Mai 2023 zum ersten Mal aktiv waren – wie viele davon waren einen Monat später noch aktiv?", "Und bei der Kohorte vom Januar 2022?"));

    [Theory]
    [InlineData("How many members were inactive as of 31 August 2020?", "and a year later?", "inactivity_scores as_of=2021-08-31")]
    [InlineData("Combien de membres étaient inactifs au 31 décembre 2016 ?", "Et un an plus tard ?", "inactivity_scores as_of=2017-12-31")]
    [InlineData("¿Cuántos miembros estaban inactivos a fecha de 30/06/2016?", "¿Y un año después?", "inactivity_scores as_of=2017-06-30")]
    [InlineData("How many code_change events in Q1 2021?", "and six months later?", "count_actions action=code_change,from=2021-07-01,to=2021-09-30,top=5")]
    public void Moves_the_day_or_the_period_asked_before(string first, string second, string expected) =>
        Assert.Equal(expected, After(first, second));

    [Fact]
    public void Compares_the_two_years_of_a_range_after_a_question_about_a_change() =>
        Assert.Equal("compare_periods from=2025-01-01,previous_from=2024-01-01,previous_to=2024-12-31,to=2025-12-31",
            After("Quelle évolution du nombre de membres actifs entre 2022 et 2023 ?", "Et entre 2024 et 2025 ?"));

    [Fact]
    public void Reads_a_range_as_one_period_after_a_question_about_one_period() =>
        Assert.Equal("compare_periods from=2024-07-01,previous_from=2024-01-01,previous_to=2024-06-30,to=2024-12-31",
            After("¿Cuántos miembros nuevos se sumaron a la comunidad en 2023?", "vale, ¿y de julio a diciembre de 2024?"));

    [Fact]
    public void Follows_the_same_cohort_other_months_later() =>
        Assert.Equal("retention_cohorts from=2013-02-01,months_later=2",
            After("Von denen, die im Februar 2013 zum ersten Mal aktiv waren – wie viele waren drei Monate später noch aktiv?", "und nach zwei Monaten?"));
}

using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;

namespace Actionlytics.Agent.Tests;

/// <summary>
/// Questions about sets of members across two periods and about one cohort: who did one of the community's own
/// actions in both periods (or in one only), "of those who ... how many ...", the N-month retention of a cohort,
/// inactivity said as a negated doing, and a change between two years said in each language's own words.
/// </summary>
public sealed class SetAndCohortReadingTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly PlannerLexicon Lexicon = AgentPrompts.Load(AgentPrompts.DefaultFolder()).Lexicon;
    private static readonly CommunityTerms Repository = new(["code_change", "docs_update", "release", "bot_update"], Lexicon);

    private static string Read(string question)
    {
        var plan = RequestReader.Read(question, Today, [], Repository);
        return PlanText.Of(plan);
    }

    private const string DocsIn2019And2020 = "count_actions action=docs_update,from=2020-01-01,previous_from=2019-01-01,previous_to=2019-12-31,to=2020-12-31,top=0";

    [Theory]
    [InlineData("How many contributors changed the docs (docs_update) in both 2019 and 2020?")]
    [InlineData("Combien de contributeurs ont fait des docs_update à la fois en 2019 et en 2020 ?")]
    [InlineData("Von denen, die 2019 an der Doku gearbeitet haben (docs_update): wie viele haben 2020 keine einzige Doku-Änderung mehr gemacht?")]
    [InlineData("Di quelli che hanno fatto docs_update nel 2019, quanti lo hanno rifatto nel 2020?")]
    public void Counts_the_members_of_one_own_action_in_both_periods(string question) =>
        Assert.Equal(DocsIn2019And2020, Read(question));

    [Theory]
    [InlineData("Of the people who made docs-only commits (docs_update) in 2019, how many also pushed code changes in 2020?")]
    [InlineData("Parmi ceux qui ont fait des docs_update en 2019, combien ont fait des code_change en 2020 ?")]
    public void Pairs_two_actions_with_the_two_periods_in_the_order_written(string question) =>
        Assert.Equal("count_actions action=code_change,from=2020-01-01,previous_action=docs_update,previous_from=2019-01-01,previous_to=2019-12-31,to=2020-12-31,top=0", Read(question));

    [Fact]
    public void Answers_who_did_it_in_both_periods_first()
    {
        var question = "Of those who did docs_update in 2019, how many did it again in 2020?";
        Assert.Equal(AnswerFocus.Overlap, RequestReader.FocusOf(question, Today, Repository));
    }

    [Theory]
    [InlineData("Of those who were active in Q1 2020, how many were still active in Q1 2021?", "compare_periods from=2021-01-01,previous_from=2020-01-01,previous_to=2020-03-31,to=2021-03-31")]
    [InlineData("Parmi ceux qui ont contribué en 2019, combien ont contribué en 2020 ?", "compare_periods from=2020-01-01,previous_from=2019-01-01,previous_to=2019-12-31,to=2020-12-31")]
    public void Reads_of_those_who_as_the_members_of_both_periods(string question, string expected)
    {
        Assert.Equal(expected, Read(question));
        Assert.Equal(AnswerFocus.Overlap, RequestReader.FocusOf(question, Today, Repository));
    }

    [Theory]
    [InlineData("Combien de membres actifs en 2017 ne l'étaient plus du tout en 2018 ?", "compare_periods from=2018-01-01,previous_from=2017-01-01,previous_to=2017-12-31,to=2018-12-31")]
    [InlineData("How many people were active in the first half of 2015 but didn't show up at all in the second half?", "compare_periods from=2015-07-01,previous_from=2015-01-01,previous_to=2015-06-30,to=2015-12-31")]
    [InlineData("¿Cuántos participaron en el primer trimestre de 2023 pero ya no aparecieron en el segundo?", "compare_periods from=2023-04-01,previous_from=2023-01-01,previous_to=2023-03-31,to=2023-06-30")]
    [InlineData("Wie viele, die 2018 aktiv waren, haben sich 2019 überhaupt nicht mehr blicken lassen?", "compare_periods from=2019-01-01,previous_from=2018-01-01,previous_to=2018-12-31,to=2019-12-31")]
    public void Reads_a_negation_between_two_periods_as_their_overlap(string question, string expected)
    {
        Assert.Equal(expected, Read(question));
        // The members of the first period only are what was asked: the answer leads with them.
        Assert.Equal(AnswerFocus.OverlapFirstOnly, RequestReader.FocusOf(question, Today, Repository));
    }

    [Theory]
    [InlineData("Comment a évolué le nombre de membres actifs entre le premier semestre 2021 et celui de 2022 ?", "compare_periods from=2022-01-01,previous_from=2021-01-01,previous_to=2021-06-30,to=2022-06-30")]
    [InlineData("¿Cómo queda el ciclo de vida del segundo trimestre de 2021 comparado con el primero (nuevos, recurrentes, reactivados y dormidos)?", "compare_periods from=2021-04-01,previous_from=2021-01-01,previous_to=2021-03-31,to=2021-06-30")]
    [InlineData("Com'è cambiato il numero di membri attivi dal primo al secondo semestre 2022?", "compare_periods from=2022-07-01,previous_from=2022-01-01,previous_to=2022-06-30,to=2022-12-31")]
    public void Reads_the_other_period_said_without_its_own_shape_or_year(string question, string expected) =>
        Assert.Equal(expected, Read(question));

    [Fact]
    public void Keeps_a_cohort_said_with_of_those_who_a_cohort() =>
        Assert.NotEqual(AnswerFocus.Overlap, RequestReader.FocusOf("Of those who joined in 2019, how many new members came in 2020?", Today, Repository));

    [Theory]
    [InlineData("What's the 2-month retention of the August 2019 cohort of contributors?", "retention_cohorts from=2019-08-01,months_later=2")]
    [InlineData("Quelle est la rétention à 1 mois de la cohorte de juillet 2019 ?", "retention_cohorts from=2019-07-01,months_later=1")]
    [InlineData("Qual è la ritenzione a 3 mesi della coorte di marzo 2021?", "retention_cohorts from=2021-03-01,months_later=3")]
    [InlineData("¿Cuál fue la retención a 2 meses de la cohorte de mayo de 2020?", "retention_cohorts from=2020-05-01,months_later=2")]
    [InlineData("Di quelli entrati a gennaio 2021, quanti erano ancora attivi tre mesi dopo?", "retention_cohorts from=2021-01-01,months_later=3")]
    [InlineData("Wie viele aus der Kohorte Januar 2024 waren drei Monate danach noch dabei, und wie viel Prozent sind das?", "retention_cohorts from=2024-01-01,months_later=3")]
    public void Reads_the_retention_of_a_cohort_after_N_months(string question, string expected) =>
        Assert.Equal(expected, Read(question));

    [Theory]
    [InlineData("Tomando 90 días como umbral de inactividad, ¿cuántos miembros estaban inactivos el 31 de diciembre de 2021?", "inactivity_scores as_of=2021-12-31,inactive_after_days=90")]
    [InlineData("¿Cuántos llevaban seis semanas o más sin ninguna actividad al cierre de mayo de 2017?", "inactivity_scores as_of=2017-05-31,inactive_after_days=42")]
    [InlineData("Combien de membres n'avaient plus commité depuis 6 semaines ou plus au 15/11/2019 ?", "inactivity_scores as_of=2019-11-15,inactive_after_days=42")]
    [InlineData("How many contributors hadn't pushed for 10 weeks as of 30 June 2021?", "inactivity_scores as_of=2021-06-30,inactive_after_days=70")]
    [InlineData("Wie viele haben am 31.12.2020 seit 60 Tagen nichts mehr committet?", "inactivity_scores as_of=2020-12-31,inactive_after_days=60")]
    public void Reads_a_negated_doing_before_a_duration_as_the_threshold(string question, string expected) =>
        Assert.Equal(expected, Read(question));

    [Theory]
    [InlineData("Wie hat sich die Zahl der aktiven Contributors von 2019 auf 2020 entwickelt?")]
    [InlineData("Variazione percentuale dei contributori attivi tra il 2019 e il 2020?")]
    [InlineData("Quelle a été l'augmentation des contributeurs actifs entre 2019 et 2020 ?")]
    public void Compares_two_years_named_with_a_change_word(string question) =>
        Assert.Equal("compare_periods from=2020-01-01,previous_from=2019-01-01,previous_to=2019-12-31,to=2020-12-31", Read(question));

    [Theory]
    [InlineData("Zeig mir die Top 5 der Mitwirkenden im Oktober 2024.", "count_actions from=2024-10-01,to=2024-10-31,top=5")]
    [InlineData("Give me the top five contributors by active days for the first half of 2014.", "count_actions from=2014-01-01,rank_by=active_days,to=2014-06-30,top=5")]
    public void Lists_the_most_active_members_named_in_other_words(string question, string expected) =>
        Assert.Equal(expected, Read(question));

    [Theory]
    [InlineData("Was war im Februar 2025 bei uns los?")]
    [InlineData("Gib mir mal einen kurzen Überblick über den Februar 2025.")]
    [InlineData("Contame un poco cómo estuvo febrero de 2025.")]
    public void Reads_what_was_going_on_in_a_month(string question) =>
        Assert.StartsWith("compare_periods from=2025-02-01,previous_from=2025-01-01", Read(question), StringComparison.Ordinal);

    [Theory]
    [InlineData("Wie viele Zeilen wurden gelöscht?", "geloscht", "gelöscht")]
    [InlineData("Combien d'étoiles GitHub ?", "etoiles github", "étoiles GitHub")]
    [InlineData("How many stars?", "parsecs", "parsecs")]
    public void Quotes_the_question_as_written(string question, string normalised, string written) =>
        Assert.Equal(written, new Utterance(question, Lexicon).AsWritten(normalised));
}

using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;

namespace Actionlytics.Agent.Tests;

/// <summary>
/// Periods and words managers use that each name one thing: the quarter before this one, months with no year, a year
/// that only dates the months inside it, a "top 5" of a period, members back after a break, actions left out of a
/// list, a change word that is part of an action's name, inactivity said in other words, and a slip of the keyboard.
/// </summary>
public sealed class PeriodAndWordingReadingTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly PlannerLexicon Lexicon = AgentPrompts.Load(AgentPrompts.DefaultFolder()).Lexicon;
    private static readonly CommunityTerms Repository = new(["code_change", "docs_change", "test_change", "release"], Lexicon);

    private static string Read(string question) => PlanText.Of(RequestReader.Read(question, Today, [], Repository));

    [Theory]
    [InlineData("How many active members last quarter?")]
    [InlineData("Combien de membres actifs le trimestre dernier ?")]
    [InlineData("Quanti membri attivi nel trimestre scorso?")]
    [InlineData("¿Cuántos miembros activos el último trimestre?")]
    [InlineData("Wie viele aktive Mitglieder im letzten Quartal?")]
    public void Reads_last_quarter_as_the_calendar_quarter_before_this_one(string question) =>
        Assert.Equal("activity_trend from=2026-07-01,to=2026-09-30", Read(question));

    [Theory]
    [InlineData("How many active members in the last quarter of 2023?")]
    [InlineData("Combien de membres actifs au dernier trimestre 2023 ?")]
    [InlineData("Quanti membri attivi nell'ultimo trimestre del 2023?")]
    [InlineData("¿Cuántos miembros activos en el último trimestre de 2023?")]
    [InlineData("Wie viele aktive Mitglieder im letzten Quartal 2023?")]
    public void Reads_the_last_quarter_of_a_year_as_its_fourth(string question) =>
        Assert.Equal("activity_trend from=2023-10-01,to=2023-12-31", Read(question));

    [Fact]
    public void Reads_months_written_without_a_year_in_the_year_the_question_names() =>
        Assert.Equal("compare_periods from=2014-07-01,previous_from=2014-01-01,previous_to=2014-06-30,to=2014-12-31",
            Read("How did the number of active members in the first half of 2014 (January to June) compare with the second half (July to December 2014)?"));

    [Theory]
    [InlineData("In 2014, how did January compare with June?")]
    [InlineData("En 2014, ¿cómo se compara enero con junio?")]
    public void Drops_a_year_that_only_dates_the_months_compared(string question) =>
        Assert.Equal("compare_periods from=2014-06-01,previous_from=2014-01-01,previous_to=2014-01-31,to=2014-06-30", Read(question));

    [Theory]
    [InlineData("Zeig mir die Top 5 im Sommer 2017, also Juni bis August.")]
    [InlineData("Show me the top 5 for June to August 2017.")]
    public void Reads_a_top_list_of_a_period_as_its_most_active_members(string question) =>
        Assert.Equal("count_actions from=2017-06-01,to=2017-08-31,top=5", Read(question));

    [Theory]
    [InlineData("September 2014: how many people came back after a break? I mean active in September 2014, not active in August 2014, but active at some point before August.",
        "compare_periods from=2014-09-01,previous_from=2014-08-01,previous_to=2014-08-31,to=2014-09-30")]
    [InlineData("Combien de membres sont revenus en octobre 2013 après avoir été absents en septembre 2013 ?",
        "compare_periods from=2013-10-01,previous_from=2013-09-01,previous_to=2013-09-30,to=2013-10-31")]
    public void Reads_members_back_after_a_break_as_the_lifecycle_of_the_period(string question, string expected)
    {
        Assert.Equal(expected, Read(question));
        Assert.Equal(AnswerFocus.Lifecycle, RequestReader.FocusOf(question, Today, Repository));
    }

    [Theory]
    [InlineData("¿Cuántos miembros hicieron cambios de código de verdad (no solo docs o tests) entre marzo y mayo de 2024?")]
    [InlineData("How many members made code changes, excluding docs or tests, between March and May 2024?")]
    public void Leaves_out_every_action_of_an_excluded_list_and_reads_a_change_action_as_no_comparison(string question) =>
        Assert.Equal("count_actions action=code_change,from=2024-03-01,to=2024-05-31,top=5", Read(question));

    [Fact]
    public void Still_compares_two_months_when_the_question_asks_how_activity_changed() =>
        Assert.Equal("compare_periods from=2024-05-01,previous_from=2024-03-01,previous_to=2024-03-31,to=2024-05-31", Read("Did activity go up from March to May 2024?"));

    [Theory]
    [InlineData("¿Cuántos llevaban parados 8 semanas o más a finales de marzo de 2024?")]
    [InlineData("¿Cuántos miembros inactivos desde hace 8 semanas a finales de marzo de 2024?")]
    public void Reads_inactivity_said_in_other_words(string question) =>
        Assert.Equal("inactivity_scores as_of=2024-03-31,inactive_after_days=56", Read(question));

    [Theory]
    [InlineData("De la gente que se unió en febrero de 2021, ¿cuántos seguían activos tres meses después?", "retention_cohorts from=2021-02-01,months_later=3")]
    [InlineData("Parmi ceux qui nous ont rejoint en mars 2021, combien étaient encore actifs deux mois plus tard ?", "retention_cohorts from=2021-03-01,months_later=2")]
    public void Reads_who_joined_in_a_month_as_its_cohort(string question, string expected) =>
        Assert.Equal(expected, Read(question));

    [Theory]
    [InlineData("how many peple were active in july 2023")]
    [InlineData("how many memebrs were active in july 2023")]
    public void Forgives_one_slip_of_the_keyboard_in_what_is_counted(string question) =>
        Assert.Equal("activity_trend from=2023-07-01,to=2023-07-31", Read(question));

    [Fact]
    public void Still_says_what_it_cannot_count() =>
        Assert.Equal(PlanOutcome.NotCounted, RequestReader.Read("how many stars did we get in 2023", Today, [], Repository).Outcome);

    [Theory]
    [InlineData("¿Cuántos miembros inactivos el 15-11-2020?")]
    [InlineData("Wie viele Mitglieder waren am 15.11.2020 inaktiv?")]
    [InlineData("How many members were inactive on 15/11/2020?")]
    public void Reads_a_numeric_day_with_any_separator(string question) =>
        Assert.Equal("inactivity_scores as_of=2020-11-15", Read(question));

    [Fact]
    public void Reads_robots_as_the_bot_action() =>
        Assert.Equal("count_actions action=bot_update,from=2020-01-01,to=2020-03-31,top=5", PlanText.Of(RequestReader.Read(
            "Combien de mises à jour automatiques faites par les robots au premier trimestre 2020 ?", Today, [],
            new CommunityTerms(["code_change", "docs_change", "release", "bot_update"], Lexicon))));

    [Fact]
    public void Counts_one_of_several_custom_actions_exactly_when_asked_how_it_evolved() =>
        Assert.Equal("count_actions action=code_change,from=2024-03-01,to=2024-05-31,top=5", Read("How did code changes evolve from March to May 2024?"));

    [Fact]
    public void Reads_a_short_month_joined_to_a_month_of_a_year() =>
        Assert.Equal("compare_periods from=2022-02-01,previous_from=2022-01-01,previous_to=2022-01-31,to=2022-02-28", Read("how many contibutors were active in both Jan and Feb 2022"));

    [Fact]
    public void Reads_a_change_asked_with_an_also_as_the_change()
    {
        var question = "¿Cómo varió el número de miembros activos de marzo de 2020 a marzo de 2021? Deme también el porcentaje.";
        Assert.Equal("compare_periods from=2021-03-01,previous_from=2020-03-01,previous_to=2020-03-31,to=2021-03-31", Read(question));
        Assert.Equal(AnswerFocus.Figures, RequestReader.FocusOf(question, Today, Repository));
    }

    [Theory]
    [InlineData("¿Qué nivel de satisfacción (NPS) tenían los miembros con el proceso de revisión en 2020?")]
    [InlineData("Wie zufrieden waren unsere Mitglieder 2022 mit der Community? Gibt es da einen Durchschnittswert?")]
    [InlineData("what was the average time to merge a pull request in 2023?")]
    public void Says_satisfaction_and_durations_are_not_in_activity_data(string question) =>
        Assert.Equal(PlanOutcome.NotCounted, RequestReader.Read(question, Today, [], Repository).Outcome);

    [Fact]
    public void Reads_the_most_consistent_members_as_a_top_list() =>
        Assert.Equal("count_actions from=2019-04-01,rank_by=active_days,to=2019-06-30,top=5",
            Read("¿Quiénes fueron los 5 contribuidores más constantes en el segundo trimestre de 2019? (por días con actividad)"));

    [Fact]
    public void Reads_for_a_month_as_a_thirty_day_threshold() =>
        Assert.Equal("inactivity_scores as_of=2023-03-03,inactive_after_days=30", Read("As of March 3rd, 2023, how many people haven't committed anything for a month or more?"));

    [Fact]
    public void Reads_the_same_quarter_of_another_year() =>
        Assert.Equal("compare_periods from=2019-07-01,previous_from=2018-07-01,previous_to=2018-09-30,to=2019-09-30",
            Read("compara el tercer trimestre de 2019 con el mismo trimestre de 2018: miembros activos y variación en %"));

    [Fact]
    public void Reads_how_many_months_later_a_cohort_is_followed_even_words_after_retention() =>
        Assert.Equal("retention_cohorts from=2014-04-01,months_later=3", Read("¿Me pasás la retención de la cohorte de abril de 2014 a los 3 meses? Cuántos y qué porcentaje."));

    [Fact]
    public void Reads_a_lifecycle_question_with_the_german_also_as_the_lifecycle()
    {
        var question = "Wie sieht der Lifecycle für April 2018 im Vergleich zum März aus? Also neu, zurückkehrend, reaktiviert und ruhend.";
        Assert.Equal(AnswerFocus.Lifecycle, RequestReader.FocusOf(question, Today, Repository));
    }

    [Fact]
    public void Reads_what_happened_in_a_month_as_its_lifecycle() =>
        Assert.Equal("compare_periods from=2022-07-01,previous_from=2022-06-01,previous_to=2022-06-30,to=2022-07-31", Read("Was ist im Juli 2022 passiert?"));

    [Fact]
    public void Reads_a_second_half_written_alone_in_the_year_of_the_first()
    {
        var question = "Of the people active in H1 2022, how many did NOT come back in H2?";
        Assert.Equal("compare_periods from=2022-07-01,previous_from=2022-01-01,previous_to=2022-06-30,to=2022-12-31", Read(question));
        Assert.Equal(AnswerFocus.OverlapFirstOnly, RequestReader.FocusOf(question, Today, Repository));
    }

    [Theory]
    [InlineData("Chi sono i 5 membri più attivi negli ultimi tre mesi del 2023 (per giorni di attività)?", "count_actions from=2023-10-01,rank_by=active_days,to=2023-12-31,top=5")]
    [InlineData("How many active members in the last three months of 2023?", "activity_trend from=2023-10-01,to=2023-12-31")]
    public void Reads_the_last_months_of_a_year(string question, string expected) =>
        Assert.Equal(expected, Read(question));

    [Theory]
    [InlineData("Parmi les membres actifs au T1 2022, combien l'étaient encore au T2 2022 ?", "compare_periods from=2022-04-01,previous_from=2022-01-01,previous_to=2022-03-31,to=2022-06-30", AnswerFocus.Overlap)]
    [InlineData("How many of the people active in 2022 were still active at some point in 2023?", "compare_periods from=2023-01-01,previous_from=2022-01-01,previous_to=2022-12-31,to=2023-12-31", AnswerFocus.Overlap)]
    [InlineData("Wie viele von denen, die im zweiten Halbjahr 2023 aktiv waren, waren im ersten Halbjahr 2024 nicht mehr dabei?", "compare_periods from=2024-01-01,previous_from=2023-07-01,previous_to=2023-12-31,to=2024-06-30", AnswerFocus.OverlapFirstOnly)]
    public void Reads_still_active_and_no_longer_there_as_an_overlap(string question, string expected, AnswerFocus focus)
    {
        Assert.Equal(expected, Read(question));
        Assert.Equal(focus, RequestReader.FocusOf(question, Today, Repository));
    }

    [Fact]
    public void Reads_new_people_as_new_members() =>
        Assert.Equal(AnswerFocus.Lifecycle, RequestReader.FocusOf("Cuánta gente nueva llegó en la segunda mitad de 2019?", Today, Repository));

    [Theory]
    [InlineData("Anzahl der release-Events von Januar 2019 bis Ende 2023?", "count_actions action=release,from=2019-01-01,to=2023-12-31,top=5")]
    [InlineData("Wie viele Leute haben von Anfang 2020 bis Ende 2021 docs_change beigetragen?", "count_actions action=docs_change,from=2020-01-01,to=2021-12-31,top=5")]
    [InlineData("How many people were active from the start of 2020 to the end of March 2021?", "activity_trend from=2020-01-01,to=2021-03-31")]
    [InlineData("Wie viele waren im Zeitraum 01.01.2014–30.06.2014 aktiv?", "activity_trend from=2014-01-01,to=2014-06-30")]
    public void Joins_a_range_whatever_its_two_ends_are(string question, string expected) =>
        Assert.Equal(expected, Read(question));

    [Fact]
    public void Reads_a_threshold_said_twice_once() =>
        Assert.Equal("inactivity_scores as_of=2020-12-31,inactive_after_days=180",
            Read("Wie viele Mitglieder waren am 31.12.2020 inaktiv, wenn wir die Grenze auf ein halbes Jahr setzen, also 6 Monate?"));

    [Fact]
    public void Reads_a_quarter_written_number_first() =>
        Assert.Equal("inactivity_scores as_of=2021-12-31", Read("al cierre del 4T 2021 cuanta gente se podía considerar inactiva?"));

    [Fact]
    public void Reads_what_happened_with_the_month_inside_the_phrase() =>
        Assert.Equal("compare_periods from=2021-03-01,previous_from=2021-02-01,previous_to=2021-02-28,to=2021-03-31", Read("Was war im März 2021 los?"));

    [Theory]
    [InlineData("Q1 2021 gegenüber Q4 2020: Neue, Wiederkehrer, Reaktivierte und Abgewanderte?")]
    [InlineData("Pour juin 2020 par rapport à mai : combien de nouveaux, de fidèles, de revenants et de dormants ?")]
    public void Reads_the_lifecycle_groups_named_as_the_lifecycle(string question) =>
        Assert.Equal(AnswerFocus.Lifecycle, RequestReader.FocusOf(question, Today, Repository));

    [Theory]
    [InlineData("Wer waren 2021 unsere fünf aktivsten Mitglieder?", "count_actions from=2021-01-01,to=2021-12-31,top=5")]
    [InlineData("¿Quiénes fueron las cinco personas que más días participaron entre el 01/01/2020 y el 31/12/2021?", "count_actions from=2020-01-01,to=2021-12-31,top=5")]
    public void Leads_with_the_most_active_members_asked_for(string question, string expected)
    {
        Assert.Equal(expected, Read(question));
        Assert.Equal(AnswerFocus.TopMembers, RequestReader.FocusOf(question, Today, Repository));
    }

    [Theory]
    [InlineData("number of active members in the 30 days before christmas 2018", "activity_trend from=2018-11-25,to=2018-12-24")]
    [InlineData("Wie viele waren an Silvester 2020 inaktiv?", "inactivity_scores as_of=2020-12-31")]
    public void Reads_a_holiday_as_its_day(string question, string expected) =>
        Assert.Equal(expected, Read(question));

    [Fact]
    public void Counts_an_action_written_as_the_data_names_it() =>
        Assert.Equal("count_actions action=docs_change,from=2020-06-01,to=2020-08-31,top=5", Read("Cuántos docs_change hubo del 1 de junio al 31 de agosto de 2020?"));

    [Fact]
    public void Says_where_members_come_from_is_not_in_the_data() =>
        Assert.Equal("NotCounted México", Read("¿Me podría decir cuántos de nuestros colaboradores son de México o de Argentina?"));
}

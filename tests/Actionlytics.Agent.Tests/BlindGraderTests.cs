using System.Text.Json;
using Actionlytics.Tests.Tools.Blind;

namespace Actionlytics.Agent.Tests;

/// <summary>The automatic grade behind the blind-set regression lists and benchmark: the figure asked, in any language's format, or not.</summary>
public sealed class BlindGraderTests
{
    private static BlindQuestion Question(string expected, string? kind = "figure") =>
        new("EN-01", "en", "?", kind, JsonDocument.Parse(expected).RootElement.Clone(), null);

    [Theory]
    [InlineData("As of 2020-06-30, 1,184 members were inactive.")]
    [InlineData("Au 2020-06-30, 1 184 membres étaient inactifs.")]
    [InlineData("Al 2020-06-30, 1.184 membri erano inattivi.")]
    public void Finds_the_figure_asked_as_each_language_writes_it(string answer) =>
        Assert.Equal(BlindGrade.Right, BlindGrader.Grade(Question("""{"inactive_members": 1184}"""), answer, ranAnalysis: true));

    [Theory]
    [InlineData("As of 2020-06-30, 12 members were inactive.")]
    [InlineData("As of 30 June 2020, 12 members were inactive.")]
    [InlineData("Au 30 juin 2020, 12 membres étaient inactifs.")]
    [InlineData("A fecha de 30 de junio de 2020, 12 miembros están inactivos.")]
    [InlineData("Stand 30. Juni 2020: 12 Mitglieder sind inaktiv.")]
    public void Does_not_take_a_date_for_the_figure(string answer) =>
        Assert.Equal(BlindGrade.Wrong, BlindGrader.Grade(Question("""{"inactive_members": 30}"""), answer, ranAnalysis: true));

    [Fact]
    public void Counts_an_answer_that_ran_nothing_as_an_honest_refusal() =>
        Assert.Equal(BlindGrade.Refusal, BlindGrader.Grade(Question("""{"inactive_members": 12}"""), "I can help with your community's activity.", ranAnalysis: false));

    [Theory]
    [InlineData(false, "I could not answer that without guessing: this community's data has nothing I can count as \"countries\".", BlindGrade.Right)]
    [InlineData(true, "From 2020-01-01 to 2020-12-31, 48 members were active.", BlindGrade.Wrong)]
    public void Wants_an_honest_refusal_for_what_the_data_cannot_say(bool ranAnalysis, string answer, BlindGrade grade) =>
        Assert.Equal(grade, BlindGrader.Grade(Question("""{"outcome": "unanswerable"}""", "unanswerable"), answer, ranAnalysis));

    [Theory]
    [InlineData("1. a1\n2. b2\n3. c3 (tied)", BlindGrade.Right)]
    [InlineData("1. a1\n2. zz\n3. c3", BlindGrade.Wrong)]
    public void Owes_only_the_members_above_a_tie_at_the_cut(string answer, BlindGrade grade) =>
        Assert.Equal(grade, BlindGrader.Grade(Question("""{"members": ["a1", "b2", "t1"], "detail": {"tie_at_cut": true, "members_tied_at_cut": ["t1", "c3"]}}""", "list"), answer, ranAnalysis: true));
}

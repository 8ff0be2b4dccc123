using Actionlytics.Agent.Planning;

namespace Actionlytics.Agent.Tests;

/// <summary>The dates managers write, with their year, read as the days they name (today is 2026-12-02 throughout).</summary>
public sealed class DateExpressionTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("active members between 2 April and 15 June 2016", "2016-04-02", "2016-06-15")]
    [InlineData("between April 2 and June 15, 2016", "2016-04-02", "2016-06-15")]
    [InlineData("from Tuesday 3 May to Friday 20 May 2019", "2019-05-03", "2019-05-20")]
    [InlineData("du 3 au 20 mai 2019", "2019-05-03", "2019-05-20")]
    [InlineData("sur la semaine du lundi 13 au dimanche 19 octobre 2014, combien ?", "2014-10-13", "2014-10-19")]
    [InlineData("nella settimana da lunedì 12 a domenica 18 gennaio 2015", "2015-01-12", "2015-01-18")]
    [InlineData("tra il 1° settembre e il 30 settembre 2020", "2020-09-01", "2020-09-30")]
    [InlineData("du 1er juin au 31 août 2014", "2014-06-01", "2014-08-31")]
    [InlineData("from March to May 2018", "2018-03-01", "2018-05-31")]
    [InlineData("de janvier à mars 2015", "2015-01-01", "2015-03-31")]
    [InlineData("in the second half of 2014", "2014-07-01", "2014-12-31")]
    [InlineData("the 30 days before 1 March 2020", "2020-01-31", "2020-02-29")]
    [InlineData("from 01/02/2016 to 15/03/2016", "2016-02-01", "2016-03-15")]
    public void Reads_a_range_with_its_year(string text, string from, string to)
    {
        var periods = DateExpressions.Find(new Utterance(text), Today);

        Assert.Equal($"{from}..{to}", string.Join(" | ", periods.Select(p => $"{p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd}")));
    }

    [Theory]
    [InlineData("how many were inactive on 31 December 2014?", "2014-12-31")]
    [InlineData("inactive members on December 31, 2014", "2014-12-31")]
    [InlineData("combien d'inactifs fin avril 2018 ?", "2018-04-30")]
    [InlineData("quanti inattivi alla fine di maggio 2015?", "2015-05-31")]
    [InlineData("inactive at the end of Q2 2017", "2017-06-30")]
    [InlineData("inactive members as at 31/12/2014", "2014-12-31")]
    [InlineData("inactive members as of 2014-12-31", "2014-12-31")]
    public void Reads_a_day_named_on_its_own_as_a_day(string text, string day)
    {
        var found = Assert.Single(DateExpressions.Find(new Utterance(text), Today));

        Assert.True(found.IsDay);
        Assert.Equal(DateOnly.Parse(day), found.From);
    }

    [Fact]
    public void Keeps_two_months_of_two_years_apart_when_they_are_compared()
    {
        var periods = DateExpressions.Find(new Utterance("compare January 2014 and January 2015"), Today);

        Assert.Equal([new DateOnly(2014, 1, 1), new DateOnly(2015, 1, 1)], periods.Select(p => p.From));
    }
}

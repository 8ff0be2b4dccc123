using System.Text.RegularExpressions;

namespace Actionlytics.Agent.Planning;

/// <summary>The patterns themselves. Longest alternatives come first in every word list, so the most specific reading wins.</summary>
public sealed partial class PlannerGrammar
{
    private const RegexOptions Explicit = RegexOptions.ExplicitCapture;

    // Dates: the DateExpressions reading order.
    public Regex IsoRange => field ??= Build(@"(\d{4}-\d{2}-\d{2}) {date.to} (\d{4}-\d{2}-\d{2})");

    public Regex NumericRange => field ??= Build(@"(?:{date.from} )?({NUMERIC}) {date.to} ({NUMERIC})");

    public Regex NumericDate => field ??= Build(@"(?<= ){NUMERIC}(?= )");

    public Regex IsoDay => field ??= Build(@"(?<= )\d{4}-\d{2}-\d{2}(?= )");

    // "between 1 October and 31 December 2013", "du 1er juin au 31 août 2014", "dal 1 luglio al 30 settembre 2013"
    public Regex DayMonthYearRange => field ??= Build(@"(?:{date.from} )?{DAY} {MONTH}(?: {YEAR})? {date.to} {DAY} {MONTH} {YEAR}\b");

    // "between April 2 and June 15, 2016", "from December 15, 2015 to January 15, 2016"
    public Regex MonthDayYearRange => field ??= Build(@"(?:{date.from} )?{MONTH} {DAY}(?: {YEAR})? {date.to} {MONTH} {DAY} {YEAR}\b");

    // "January to June 2014", « de janvier à mars 2015 »; "and" joins two months only after "between"
    // ("January 2014 and January 2015" are two periods to compare).
    public Regex MonthRangeOfYear => field ??= Build(
        @"(?:(?:{date.year_from} |{date.month_word_of} )?(?<m1>{MONTHS})(?: (?<y1>20\d\d))? {date.month_to} |{date.between} (?<m1>{MONTHS})(?: (?<y1>20\d\d))? {date.and} )(?<m2>{MONTHS}) (?:(?:{date.month_year_of}) )?(?<y2>20\d\d)\b", Explicit);

    /// <summary>"January to June", « de mars à mai » with no year: the months of the year the question names, else the latest ones.</summary>
    public Regex MonthToMonth => field ??= Build(
        @"\b(?:(?:{date.year_from} )?(?<m1>{MONTHS}) {date.month_to} (?<m2>{MONTHS})|{date.between} (?<m1>{MONTHS}) {date.and} (?<m2>{MONTHS}))\b", Explicit);

    /// <summary>« ¿y en el segundo semestre? », "in H2": a half with no year, the latest one begun (a follow-up moves it to the year asked before).</summary>
    public Regex HalfAlone => field ??= Build(
        @"\b(?:(?<h>{ORDINAL}) {date.half}|(?<h>{HALF_SHORT}))\b(?! (?:(?:{date.of_year}|{date.month_year_of}) )?(?:{date.year_article} )?20\d\d)", Explicit);

    /// <summary>"the last three months of 2023", « negli ultimi tre mesi del 2023 »: the end of that year.</summary>
    public Regex LastNOfYear => field ??= Build(
        @"\b{date.last} (?<n>{NUMBERS}) (?<u>{UNIT_DWM}) (?:{date.of_year}|{date.month_year_of}) (?:{date.year_article} )?(?<y>20\d\d)\b", Explicit);

    public Regex HalfYear => field ??= Build(
        @"\b(?:(?<h>{ORDINAL}) {date.half}(?: {date.of_year})?(?: {date.year_article})? (?<y>20\d\d)|(?<h>{HALF_SHORT}) (?<y>20\d\d))\b", Explicit);

    // "between 2014 and 2016", "dal 2014 al 2016": whole years.
    public Regex YearRange => field ??= Build(
        @"\b(?:{date.between} (?:{date.year_article} )?(?<a>20\d\d) {date.and} (?:{date.year_article} )?(?<b>20\d\d)|{date.year_from} (?:{date.year_article} )?(?<a>20\d\d) {date.year_to} (?:{date.year_article} )?(?<b>20\d\d)|(?<a>20\d\d)-(?<b>20\d\d))\b", Explicit);

    // "ISO week 19 of 2019", « semaine 19 de 2019 »
    public Regex IsoWeek => field ??= Build(@"\b{date.week}(?: iso)? (?:{date.number_sign} )?(?<w>\d{1,2}) (?:{date.of_year} )?(?:{date.year_article} )?(?<y>20\d\d)\b", Explicit);

    // "the 90 days before 1 March 2020", « les 30 jours avant le 15 mai 2019 »
    public Regex DaysBefore => field ??= Build(
        @"(?:{date.plural_article} )?(?<n>\d{1,4}) (?<u>{UNIT_DW}) {date.before} (?<date>(?:{DAY} {MONTH}|{MONTH} {DAY})(?: {YEAR})?|{HOLIDAY}(?: {YEAR})?|{NUMERIC}|\d{4}-\d{2}-\d{2})");

    public Regex SingleDayWithYear => field ??= Build(@"(?:{DAY} {MONTH}|{MONTH} {DAY}) {YEAR}\b");

    /// <summary>"christmas 2018", « Noël 2019 », "Silvester 2020": a holiday on a fixed day, in a year or the latest one.</summary>
    public Regex HolidayDay => field ??= Build(@"\b(?<h>{HOLIDAY})(?: (?:{date.month_year_of} )?(?<y>20\d\d))?\b", Explicit);

    public Regex DayWords => field ??= Build(@"(?:{DAY} {MONTH}|{MONTH} {DAY})(?: {YEAR})?\b");

    // "end of April 2018", "fin du T2 2017", "alla fine di maggio 2015", "fine 2016"; only a month, a quarter or a year.
    public Regex EndOf => field ??= Build(
        @"\b{date.end_of}(?: the)? (?:{date.month_word_of} )?(?:(?:(?<m>{MONTHS})|[qt](?<q>[1-4])|(?<qo>{ORDINAL}) {date.quarter})(?: (?:{date.of_year} |{date.month_year_of} )?(?<y>20\d\d))?|(?<y>20\d\d))\b", Explicit);

    // "between 1 and 15 february", « du 1er au 10 mars », "dal 1 al 15 febbraio"
    public Regex DayRangeSameMonth => field ??= Build(@"(?:{date.from} )?{DAY} ?{date.to} ?{DAY} (?:of )?{MONTH}(?: {YEAR})?");

    // "from december 15 to january 15"
    public Regex MonthDayRange => field ??= Build(@"(?:{date.from} )?{MONTH} {DAY} {date.to} {MONTH} {DAY}");

    // "from 15 december to 15 january", « du 15 décembre au 15 janvier »
    public Regex DayMonthRange => field ??= Build(@"(?:{date.from} )?{DAY} {MONTH} {date.to} {DAY} {MONTH}");

    // "february 1-15", "feb 1 to 15"
    public Regex MonthDayToDayRange => field ??= Build(@"{MONTH} {DAY} ?(?:-|to|through) ?{DAY}");

    // "... and the second (one)", « ... y el segundo », "... but not in the second half", « comparado con el primero (...) »:
    // an ordinal with no year of its own after a half or a quarter; not one followed by a unit or a month ("the 2nd week").
    public Regex LoneOrdinal => field ??= Build(
        @"\b(?:(?:{date.day_article}|{date.year_article}) )?(?<o>{ORDINAL})(?: {number.1})?(?: {date.half}| {date.quarter})?(?= $| (?!{UNITS}\b|{MONTHS}\b|20\d\d)[a-z])", Explicit);

    // « le premier semestre 2021 et celui de 2022 », "Q1 2023 against the same in 2024": the period's shape in another year.
    public Regex SamePeriodOf => field ??= Build(@"\b{date.same_period_of} (?:{date.year_article} )?(?<y>20\d\d)\b", Explicit);

    /// <summary>What opens a range right before its first date: "from", « zwischen », « von Anfang », "between the start of".</summary>
    public Regex RangeOpens => field ??= Build(@"(?<= )(?:{date.from}|{date.between}|{date.year_from})(?: {date.start_of})? $", Explicit);

    // What joins "the first" to "the second half of 2022": « al », "to the", « et le ».
    public Regex Joins => field ??= Build(@"^ (?:{date.to}|{date.and}|{date.year_to})(?: {date.day_article}| {date.year_article})? $", Explicit);

    public Regex LastN => field ??= Build(@"{date.last} {NUMBER} {UNIT}\b");

    // « depuis 3 mois », "over the past 10 days", « les 30 derniers jours »
    public Regex NLast => field ??= Build(@"(?:{date.for_past} (?<n>{NUMBERS}) (?<u>{UNITS})\b|\b(?<n>{NUMBERS}) {date.last_after} (?<u>{UNITS})\b)", Explicit);

    public Regex Since => field ??= Build(@"{date.since} (?:the )?(?:{date.month_word_of} )?{MONTH}(?: {YEAR})?\b");

    public Regex SinceIso => field ??= Build(@"{date.since} (\d{4}-\d{2}-\d{2})");

    public Regex Quarter => field ??= Build(@"\b[qt]([1-4])(?: {YEAR})?\b");

    public Regex QuarterWords => field ??= Build(@"\b({ORDINAL}) {date.quarter}(?: (?:{date.of_year} )?{YEAR})?\b");

    public Regex ThisQuarter => field ??= Build(@"\b{date.this_quarter}\b");

    /// <summary>"last quarter", « le trimestre dernier »: the calendar quarter before this one; with a year ("the last quarter of 2025") it is that year's fourth.</summary>
    public Regex LastQuarter => field ??= Build(@"\b{date.last_quarter}\b(?! (?:{date.of_year} )?{YEAR})");

    public Regex ThisWeek => field ??= Build(@"\b{date.this_week}\b");

    public Regex LastWeek => field ??= Build(@"\b{date.last_week}\b");

    public Regex ThisMonth => field ??= Build(@"\b{date.this_month}\b");

    public Regex LastMonth => field ??= Build(@"\b{date.last_month}\b");

    public Regex ThisYear => field ??= Build(@"\b{date.this_year}\b");

    public Regex LastYear => field ??= Build(@"\b{date.last_year}\b");

    public Regex Yesterday => field ??= Build(@"\b{date.yesterday}\b");

    public Regex Today => field ??= Build(@"\b{date.today}\b");

    public Regex MonthOfYear => field ??= Build(@"\b{MONTH} {YEAR}\b");

    public Regex InMonth => field ??= Build(@"\b{date.in_month} {MONTH}\b");

    /// <summary>"both Jan and Feb 2022": a month, even a short one, joined by "and" to a month of a year is a month of that year too.</summary>
    public Regex MonthBeforeAnother => field ??= Build(@"\b(?<m>{MONTHS})(?= {date.and} (?:{MONTHS}) (?:{date.month_year_of} )?20\d\d\b)", Explicit);

    // A month name on its own ("how's march looking?"); the ambiguous ones ("may", « mai ») need a context.
    public Regex BareMonth => field ??= Build(@"\b{BARE_MONTH}\b");

    public Regex AsOfDay => field ??= Build(@"{date.as_of} (?:{DAY} {MONTH}|{MONTH} {DAY})(?: {YEAR})?\b");

    // Counts and thresholds.
    public Regex RateOf => field ??= Build(@" (?<x>[a-z]+) rates? | {counted.rate} {counted.rate_of} (?<x>[a-z]+) ");

    public Regex CountCue => field ??= Build(@" {counted.cue} ");

    // "inactive for 60 days", "haven't committed anything for a month", and any negated doing before the duration: « n'avaient plus commité depuis 6 semaines »,
    // "hasn't pushed anything for 8 weeks", "non hanno fatto commit da 40 giorni", "seit 3 Monaten nichts mehr".
    public Regex Threshold => field ??= Build(
        @"(?:{threshold.inactive}|\b{threshold.negation}(?: [a-z]+){0,3}) (?:{threshold.filler} )*(?<n>{NUMBERS}|(?<one>{threshold.one}))(?:\+)? (?<u>{UNIT_DWM})\b"
        + @"|\b{threshold.filler} (?<n>{NUMBERS}) (?<u>{UNIT_DWM}) {threshold.negation}\b");

    public Regex ThresholdLoose => field ??= Build(
        @"\b(?<n>{NUMBERS})(?:-| )(?<u>{UNIT_DWM}) {threshold.noun}"
        + @"|{threshold.word}(?: {threshold.of_inactivity})?(?: {threshold.is})* (?:(?<n>\d{1,3}) ?(?<u>{UNIT_DWM}|d)?|(?:(?<n>{NUMBERS})|(?<one>{threshold.one})) (?<u>{UNIT_DWM}))\b"
        + @"|{threshold.count} (?<n>\d{1,3}) (?<u>{UNIT_DW}) {threshold.as} {threshold.inactive_adjective}"
        + @"|\b(?<n>{NUMBERS}) (?<u>{UNIT_DWM}) (?:{threshold.or_more} )?(?:{threshold.after}|{threshold.without} (?:{threshold.without_article} )?[a-z]+)\b"
        + @"|\b(?<n>\d{1,3}) (?<u>{UNIT_DWM}) (?:[a-z]+ ){1,2}{threshold.noun}\b", Explicit);

    public Regex Top => field ??= Build(
        @"\b{top.before} (?<n>\d{1,3}|{NUMBERS})\b(?! {UNIT_DWM}\b)|\b{top.article} (?<n>\d{1,3}|{NUMBERS}) {top.after_article}\b|\b(?<n>\d{1,3}|{NUMBERS}) {top.after}\b", Explicit);

    public Regex BareDays => field ??= Build(@"{bare_days.before} (?<n>{NUMBERS}) (?<u>{UNIT_DWM})\b", Explicit);

    public Regex Goal => field ??= Build(@"{goal.return}\w* (?:\w+ ){0,3}?{goal.within} (?<n>{NUMBERS}) (?<u>{UNIT_DWM})", Explicit);

    public Regex Variants => field ??= Build(@"(?<ab>a/b|ab test)|(?<n>{NUMBERS}) {variant_word}", Explicit);

    public Regex Window => field ??= Build(
        @"(?:(?<n>\d{1,3})(?:-| )(?<u>{unit.day}) {window.word}|{window.word} (?:{window.of} )?(?<n>\d{1,3}) (?<u>{unit.day})|{window.component}(?: \w+){0,5}? (?<n>\d{1,3}) (?<u>{unit.day}))", Explicit);

    public Regex MinScore => field ??= Build(
        @"{min_score.score} (?:{min_score.of} )?(?:{min_score.at_least} (\d{1,3})|(\d{1,3}) {min_score.or_more})|{min_score.at_least} (\d{1,3}) {min_score.points}");

    // "what do they do", « ce que font les membres », "cosa fanno": the mix of actions.
    public Regex WhatTheyDo => field ??= Build(@"\b{what_do.start} (?:\w+ ){0,3}{what_do.verb}\b");

    // "a segment called winter lapsed", « un segment nommé ... »: the name up to a word that starts something else.
    public Regex CalledName => field ??= Build(@" {name.called} ([a-z0-9_]+(?: [a-z0-9_]+)*?)(?= \|| {name.until} |$| $)");

    public Regex NamedMember => field ??= Build(@" {member_word} (?<id>(?=[a-z_-]*\d)(?=\d*[a-z])[a-z0-9][a-z0-9_-]{4,39})(?: s)? ", Explicit);

    public Regex TopMembers => field ??= Build(@" top (?:\d{1,3}|{NUMBERS}) (?:{top.of} )?{top.people} ");

    /// <summary>"top 5" followed by no noun: by a period ("top 5 in 2017", « Top 5 im Juni ») or nothing at all.</summary>
    public Regex TopAlone => field ??= Build(@" top (?:\d{1,3}|{NUMBERS}) (?:{top.period_word} |$)");

    public Regex MonthsLater => field ??= Build(
        @" (?:(?<n>{NUMBERS}|{months_later.one}) {unit.month} {months_later.later}|{months_later.after} (?<n>{NUMBERS}|{months_later.one}) {unit.month}|{months_later.next_month}"
        + @"|(?<n>{NUMBERS}|{months_later.one}) {unit.month} {months_later.retention}|{months_later.retention}(?: [a-z0-9]+){0,8}? {months_later.at} (?<n>{NUMBERS}|{months_later.one}) {unit.month}) ", Explicit);

    public Regex MinDays => field ??= Build(
        @" {min_days.at_least} (?<n>{NUMBERS}) (?:{min_days.distinct} )?(?:active )?{min_days.days}(?: {min_days.after})? ", Explicit);

    /// <summary>Any "N days / weeks / months / years", to find the ones nothing else read.</summary>
    public Regex Duration => field ??= Build(@"\b{NUMBER} {UNIT}\b");

    /// <summary>"the 30 days before", « les 30 jours précédents »: the window before, which comparisons take by default.</summary>
    public Regex PreviousWindow => field ??= Build(@"\b{NUMBER} {UNIT} {previous_window}\b");

    /// <summary>
    /// "and a year later?", « Et six mois plus tôt ? », « ¿Y un año después? »: the day or period asked before, moved.
    /// Only at the end of a message: "the 30 days before 1 March" is a period.
    /// </summary>
    public Regex Shift => field ??= Build(
        @"\b(?:(?<n>{NUMBERS})|(?<one>{threshold.one})) (?<u>{UNITS}) (?:(?<later>{shift.later})|{shift.earlier}) $", Explicit);

    /// <summary>", also 6 Monate", ", i.e. 180 days", « , soit 6 mois »: a duration that says again, in other words, the one before it.</summary>
    public Regex Restated => field ??= Build(@"(?<= )(?:{restate}) (?<n>{NUMBERS}) (?<u>{UNITS})\b", Explicit);

    public Regex RelativeBefore => field ??= Build(@"\b({unit.week}|{unit.month}|{unit.year}) {before_unit}\b");
}

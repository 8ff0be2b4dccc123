using System.Globalization;
using System.Text.RegularExpressions;

using Tool = Actionlytics.Agent.Tools.ToolCatalog.Names;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// The offline planner's understanding: reads a manager's message (English, French, Italian) into tool calls with
/// their arguments, resolving follow-ups ("and only for videos?", "show that as a chart", "export it to Excel",
/// "propose a campaign for them") against the previous turn's calls. It never makes up an argument the manager did
/// not give: what is not said is left to the tool's defaults.
/// </summary>
public static partial class RequestReader
{
    /// <summary>What the answer leads with, beyond the figures of its calls: the question read once more when the results are in.</summary>
    /// <param name="followed">The question before it in the conversation: « Et en 2023 ? » after the new members of 2022 asks for new members again.</param>
    public static AnswerFocus FocusOf(string message, DateOnly today, CommunityTerms? terms = null, string? followed = null)
    {
        var u = new Utterance(message ?? "", terms?.Lexicon);
        var slots = Slots.Read(u, today, terms);
        var focus = WantsOverlap(u, slots) ? (NegatedAfterFirstPeriod(u, slots.Periods) ? AnswerFocus.OverlapFirstOnly : AnswerFocus.Overlap)
            : IsPeriodLifecycle(u, slots) ? AnswerFocus.Lifecycle
            : WantsMostActive(u, slots) ? AnswerFocus.TopMembers
            : AnswerFocus.Figures;
        return focus == AnswerFocus.Figures && followed is not null && IsFollowUp(u) ? FocusOf(followed, today, terms) : focus;
    }

    /// <summary>Reads one message; <paramref name="previous"/> are the calls of the conversation so far, oldest first.</summary>
    /// <param name="conversationLanguage">The language the conversation was in: a follow-up too short to tell ("¿y en 2021?") keeps it.</param>
    /// <param name="followed">The question before it: « Et entre 2024 et 2025 ? » compares those two years only after a question that asked for a change.</param>
    public static Plan Read(string message, DateOnly today, IReadOnlyList<PlannedCall> previous, CommunityTerms? terms = null, string? conversationLanguage = null, string? followed = null)
    {
        terms ??= CommunityTerms.None;
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(previous);
        var utterance = new Utterance(message.Length > 2000 ? message[..2000] : message, terms.Lexicon);
        var language = LanguageOf(utterance, conversationLanguage);
        var context = previous.Count > 0 ? previous[^1] : null;
        var subject = previous.LastOrDefault(c => c.Name is not (Tool.RenderChart or Tool.ExportTable or Tool.SearchPlaybooks));

        if (IsClosing(utterance))
        {
            return new Plan(language, [], PlanOutcome.Closing);
        }
        // A year no date took ("as of March 3, 2017" read without its year) would give a confident answer about another day.
        var slots = Slots.Read(utterance, today, terms);
        if (slots.SpanEnds is not null && !(followed is not null && Slots.Read(new Utterance(followed, terms.Lexicon), today, terms).AsksForChange))
        {
            slots = slots with { SpanEnds = null };
        }
        if (slots.UnplacedYears.Concat(slots.UnplacedDurations).ToList() is { Count: > 0 } unplaced)
        {
            return new Plan(language, [], PlanOutcome.NotUnderstood) { Unplaced = unplaced };
        }
        // "a commit or a merge" where those are all the community does is every event; two of several would be mixed.
        if (slots.TiedActions is { Count: > 1 } tied && !terms.Actions.All(tied.Contains))
        {
            return new Plan(language, [], PlanOutcome.TwoActions) { Unplaced = tied };
        }
        if ((slots.AbsentAction ?? CountedWord.Unknown(utterance, terms)) is { } uncounted)
        {
            return new Plan(language, [], PlanOutcome.NotCounted) { Unplaced = [uncounted] };
        }

        // "Show the trend for last month and export it as CSV": an analysis, then an artifact or a campaign of it.
        var split = SplitCompound(utterance.Original, terms.Lexicon);
        if (split is { } parts)
        {
            var first = ReadOne(new Utterance(parts.First, terms.Lexicon), today, context, subject, message, terms);
            if (first is { } firstCall && first.Name is not (Tool.RenderChart or Tool.ExportTable or Tool.DraftCampaign or Tool.CreateSegment))
            {
                var second = ReadOne(new Utterance(parts.Second, terms.Lexicon), today, firstCall, firstCall, message, terms, compoundFollower: true);
                if (second is { } secondCall && secondCall.Name != firstCall.Name)
                {
                    return new Plan(language, [firstCall, secondCall], PlanOutcome.Calls);
                }
            }
        }

        var call = ReadOne(utterance, today, context, subject, message, terms, slots: slots);
        if (call is not null)
        {
            return new Plan(language, [CountedExactly(call, terms)], PlanOutcome.Calls);
        }
        return new Plan(language, [], HasDomainWords(utterance) ? PlanOutcome.NeedsDetail : PlanOutcome.OutOfScope);
    }

    private static readonly string[] WindowArguments = ["from", "to", "previous_from", "previous_to"];

    /// <summary>
    /// "How did code changes evolve from March to May?": the trend and the comparison tell the built-in actions apart
    /// but count every custom action as one; where a community has several, one of them is counted exactly only by
    /// count_actions (its events and members in the period, against the period compared).
    /// </summary>
    private static PlannedCall CountedExactly(PlannedCall call, CommunityTerms terms)
    {
        if (call.Name is not (Tool.ActivityTrend or Tool.ComparePeriods) || call["action"] is not string action
            || !terms.OwnActions.Contains(action, StringComparer.Ordinal) || terms.OwnActions.Take(2).Count() < 2)
        {
            return call;
        }
        return Call(Tool.CountActions, ("from", call["from"]), ("to", call["to"]), ("previous_from", call["previous_from"]), ("previous_to", call["previous_to"]),
            ("action", action), ("top", 5));
    }

    private static (string First, string Second)? SplitCompound(string text, PlannerLexicon lexicon)
    {
        var normalised = " " + text.ToLowerInvariant() + " ";
        foreach (var conjunction in lexicon["compound_join"].Longest.Select(p => " " + p + " "))
        {
            // The last "and" that introduces an export, a chart or a campaign: earlier ones may join two dates ("entre le 1er et le 15").
            var at = normalised.LastIndexOf(conjunction, StringComparison.Ordinal);
            while (at > 0)
            {
                var second = new Utterance(normalised[(at + conjunction.Length)..], lexicon);
                if (WantsExport(second) || WantsChart(second) || WantsCampaign(second))
                {
                    return (normalised[..at].Trim(), normalised[(at + conjunction.Length)..].Trim());
                }
                at = normalised.LastIndexOf(conjunction, at - 1, StringComparison.Ordinal);
            }
        }
        return null;
    }

    /// <summary>One request; <paramref name="slots"/> when the caller has read them already (the whole message).</summary>
    private static PlannedCall? ReadOne(
        Utterance u, DateOnly today, PlannedCall? context, PlannedCall? subject, string original, CommunityTerms terms, bool compoundFollower = false, Slots? slots = null)
    {
        slots ??= Slots.Read(u, today, terms);
        var memberId = MemberId(u);

        if (WantsCreateSegment(u))
        {
            return CreateSegment(u, slots, context);
        }
        if (WantsPlaybooks(u) && !WantsCampaignDraft(u))
        {
            return Call(Tool.SearchPlaybooks, ("query", original.Trim()), ("need", slots.Need), ("channel", slots.Channel), ("top", WantsPlaybooksTop(u) ? slots.Top : null));
        }
        if (CampaignQuestion(u, context) is { } campaignQuestion)
        {
            return campaignQuestion;
        }
        if (WantsCampaign(u))
        {
            return Campaign(u, slots, context, subject);
        }
        if (memberId is not null && (WantsExplain(u) || context?.Name == Tool.ExplainMember || u.WordCount <= 4))
        {
            return Call(Tool.ExplainMember, ("member_id", memberId), ("inactive_after_days", slots.Threshold), ("as_of", (slots.AsOf ?? slots.NamedDay) is { } day ? Day(day) : null));
        }
        if (WantsExport(u))
        {
            return Export(u, slots, compoundFollower ? context : subject);
        }
        if (WantsChart(u))
        {
            return Chart(u, slots, compoundFollower ? context : subject);
        }
        if (CohortFollowUp(u, slots) is { } cohort)
        {
            return cohort;
        }
        if (WantsOverlap(u, slots))
        {
            return slots.OwnAction ? ActionOverlap(slots) : Compare(u, slots, subject);
        }
        if (CountActions(u, slots) is { } counting)
        {
            // "and for docs_change?" after a count of 2024: the same period, another action.
            return counting["from"] is null && context?["from"] is string && IsFollowUp(u)
                ? counting.With(WindowArguments.Select(k => new KeyValuePair<string, object?>(k, context[k])))
                : counting;
        }
        if (IsPeriodLifecycle(u, slots))
        {
            return PeriodLifecycle(LifecyclePeriod(slots.Periods)!, slots.Action);
        }
        if (WantsLifecycle(u) && slots.Periods.Count < 2)
        {
            return Call(Tool.Lifecycle, [.. Window(slots), ("granularity", slots.Granularity), ("action", slots.Action)]);
        }
        if (WantsCompare(u) || (slots.Periods.Count >= 2 && (HasComparisonWord(u) || slots.AsksForChange)))
        {
            return Compare(u, slots, subject);
        }
        if (WantsRetention(u))
        {
            // "Und bei der Kohorte vom Januar 2022?" after a cohort followed one month: the same months later.
            return context is { Name: Tool.RetentionCohorts } && context["months_later"] is { } later && IsFollowUp(u) && slots.Periods.Count > 0
                ? Call(Tool.RetentionCohorts, ("from", Day(slots.Periods[0].From)), ("months_later", later))
                : Call(Tool.RetentionCohorts, Window(slots));
        }
        if (WantsLifecycle(u))
        {
            return Call(Tool.Lifecycle, [.. Window(slots), ("granularity", slots.Granularity), ("action", slots.Action)]);
        }
        if (WantsSegments(u) && slots.Segment is null)
        {
            return Call(Tool.ListSegments, ("inactive_after_days", slots.Threshold), ("as_of", (slots.AsOf ?? slots.NamedDay) is { } day ? Day(day) : null));
        }
        if (context is not null && IsFollowUp(u) && !WantsSegments(u) && (FollowUp(u, slots, context) ?? FollowUpOfSubject(u, slots, context, subject)) is { } followUp)
        {
            return followUp;
        }
        if (WantsScores(u) || ((slots.AsOf ?? slots.NamedDay) is not null && slots.Threshold is not null) || ((slots.Segment is not null || slots.Profile is not null) && (!WantsTrendStrongly(u) || (slots.AsOf ?? slots.NamedDay) is not null)))
        {
            return Scores(slots, context, keepFilters: IsFollowUp(u) && context?.Name == Tool.InactivityScores);
        }
        if (IsOffTopic(u))
        {
            return null;
        }
        if (WantsTrend(u) || (slots.Action is not null && !IsFollowUp(u)) || (context is null && slots.Periods.Count > 0 && HasDomainWords(u)))
        {
            return Call(Tool.ActivityTrend, [.. Window(slots), ("granularity", slots.Granularity), ("action", slots.Action)]);
        }
        return context is null ? null : FollowUp(u, slots, context) ?? FollowUpOfSubject(u, slots, context, subject);
    }

    /// <summary>"and only for videos?" after "show the trend and export it": the change applies to the analysis, not the export.</summary>
    private static PlannedCall? FollowUpOfSubject(Utterance u, Slots slots, PlannedCall context, PlannedCall? subject) =>
        subject is not null && !ReferenceEquals(subject, context) ? FollowUp(u, slots, subject) : null;

    /// <summary>A message that only changes something of the previous call: a period, an action, a threshold, a filter.</summary>
    private static PlannedCall? FollowUp(Utterance u, Slots slots, PlannedCall previous)
    {
        var changes = new List<KeyValuePair<string, object?>>();
        void Change(string key, object? value)
        {
            if (value is not null)
            {
                changes.Add(new(key, value));
            }
        }

        switch (previous.Name)
        {
            case Tool.RetentionCohorts when MonthsLater(u) is { } later:
                // "und nach zwei Monaten?" after a cohort followed three months: the same cohort, two months on.
                Change("months_later", later);
                break;
            case Tool.ActivityTrend or Tool.Lifecycle or Tool.ComparePeriods or Tool.CountActions or Tool.RetentionCohorts or Tool.RenderChart or Tool.ExportTable:
                if (SamePeriodIn(u, slots, previous) is { } same)
                {
                    Change("from", same.From);
                    Change("to", same.To);
                }
                // « Et entre 2024 et 2025 ? » after a comparison of two years: those two years compared.
                else if (previous.Name == Tool.ComparePeriods && slots.SpanEnds is [{ } later, { } earlier])
                {
                    Change("from", Day(later.From));
                    Change("to", Day(later.To));
                    Change("previous_from", Day(earlier.From));
                    Change("previous_to", Day(earlier.To));
                }
                else if (slots.Periods.Count > 0)
                {
                    var (from, to) = InTheYearAskedBefore(u, slots.Periods[0], previous);
                    Change("from", Day(from));
                    Change("to", Day(to));
                    if (previous.Name is Tool.ComparePeriods or Tool.CountActions && slots.Periods.Count > 1)
                    {
                        Change("previous_from", Day(slots.Periods[1].From));
                        Change("previous_to", Day(slots.Periods[1].To));
                    }
                    // "and in 2023?" after 2022 against 2021, "same thing but comparing the first halves": the period compared
                    // with is the new period as far before it as the old one was (2023 against 2022, H1 2023 against H1 2022).
                    else if (previous["previous_from"] is string previousFrom && previous["previous_to"] is string previousTo && previous["from"] is string oldFrom)
                    {
                        var old = (From: DateOnly.Parse(oldFrom, CultureInfo.InvariantCulture), PreviousFrom: DateOnly.Parse(previousFrom, CultureInfo.InvariantCulture));
                        // Against the period just before (a lifecycle): the period just as long before the new one; else as far back as before.
                        var gap = DateOnly.Parse(previousTo, CultureInfo.InvariantCulture).AddDays(1) == old.From && from.Day == 1 && to.AddDays(1).Day == 1
                            ? MonthsBetween(from, to.AddDays(1)) : MonthsBetween(old.PreviousFrom, old.From);
                        Change("previous_from", Day(from.AddMonths(-gap)));
                        Change("previous_to", Day(Shift.EndOfMonthKept(to, -gap)));
                    }
                }
                if (previous.Name == Tool.CountActions)
                {
                    Change("action", slots.OwnAction ? slots.Action : null);
                    Change("top", slots.Top);
                }
                if (previous.Name is Tool.ActivityTrend or Tool.Lifecycle or Tool.ComparePeriods)
                {
                    Change("action", slots.Action);
                    if (slots.Action is null && u.Says("overall"))
                    {
                        changes.Add(new("action", null));
                    }
                }
                // "and a year later?": every day of the window asked before, moved.
                if (slots.Periods.Count == 0 && slots.Shift is { } shift)
                {
                    foreach (var key in WindowArguments)
                    {
                        Change(key, previous[key] is string windowDay ? Day(shift.Apply(DateOnly.Parse(windowDay, CultureInfo.InvariantCulture))) : null);
                    }
                }
                else if (slots.Periods.Count == 0 && Before(u, previous) is { } before)
                {
                    Change("from", before.From);
                    Change("to", before.To);
                }
                if (previous.Name is not (Tool.ComparePeriods or Tool.RetentionCohorts))
                {
                    Change("granularity", slots.Granularity);
                }
                if (previous.Name is Tool.RenderChart or Tool.ExportTable)
                {
                    Change("inactive_after_days", slots.Threshold);
                    Change("format", previous.Name == Tool.ExportTable ? slots.Format : null);
                }
                break;
            case Tool.InactivityScores:
                // « Et à la même date en 2023 ? »: the day scored as of, in the year named.
                if (u.Says("follow_up.same") && slots.Periods is [{ IsWholeYear: true } year]
                    && previous["as_of"] is string asOf && DateOnly.Parse(asOf, CultureInfo.InvariantCulture) is var day)
                {
                    Change("as_of", Day(day.AddYears(year.From.Year - day.Year)));
                }
                // « Et un an plus tard ? »: the day scored as of, moved.
                if (slots.Shift is { } moved && previous["as_of"] is string scoredAsOf)
                {
                    Change("as_of", Day(moved.Apply(DateOnly.Parse(scoredAsOf, CultureInfo.InvariantCulture))));
                }
                // "ok and what about at the end of Q1 2025?", « Et fin avril 2023 ? »: another day scored as of.
                Change("as_of", (slots.AsOf ?? slots.NamedDay) is { } newDay ? Day(newDay) : null);
                Change("inactive_after_days", slots.Threshold ?? slots.BareDays);
                Change("top", slots.Top);
                Change("segment", slots.Segment);
                Change("profile", slots.Profile);
                Change("window_days", slots.WindowDays);
                break;
            case Tool.ListSegments or Tool.ExplainMember:
                Change("inactive_after_days", slots.Threshold ?? slots.BareDays);
                break;
            case Tool.DraftCampaign:
                Change("segment", slots.Segment);
                Change("profile", slots.Profile);
                Change("variants", slots.Variants);
                Change("need", slots.Need);
                Change("channel", slots.Channel is "in_platform" ? null : slots.Channel);
                Change("goal_days", slots.GoalDays);
                break;
        }
        return changes.Count == 0 ? null : previous.With(changes);
    }

    /// <summary>"What about the same half of 2023?", « ¿y en el mismo trimestre de 2021? »: the previous window moved to the year named.</summary>
    private static (string From, string To)? SamePeriodIn(Utterance u, Slots slots, PlannedCall previous)
    {
        if (slots.Periods is not [{ IsWholeYear: true } year] || !u.Says("follow_up.same") || previous["from"] is not string fromText || previous["to"] is not string toText)
        {
            return null;
        }
        DateOnly from = DateOnly.Parse(fromText, CultureInfo.InvariantCulture), to = DateOnly.Parse(toText, CultureInfo.InvariantCulture);
        if (from.Year != to.Year)
        {
            return null;
        }
        var moved = InYear(from, to, year.From.Year);
        return (Day(moved.From), Day(moved.To));
    }

    /// <summary>« Et au quatrième trimestre ? » after a count of Q3 2022: a period written with no year is in the year asked before.</summary>
    private static (DateOnly From, DateOnly To) InTheYearAskedBefore(Utterance u, FoundPeriod period, PlannedCall previous)
    {
        if (DateExpressions.Years(u).Any() || u.Says("relative") || period.From.Year != period.To.Year || previous["from"] is not string fromText
            || DateOnly.Parse(fromText, CultureInfo.InvariantCulture).Year is var year && year == period.From.Year)
        {
            return (period.From, period.To);
        }
        // A period cut short at today ("the fourth quarter" of this year) is whole in an earlier year.
        var to = period.To.AddDays(1).Day == 1 || period.From.Day != 1 ? period.To : new DateOnly(period.To.Year, period.To.Month, 1).AddMonths(1).AddDays(-1);
        return InYear(period.From, to, year);
    }

    /// <summary>A window moved to another year, whole months kept whole.</summary>
    private static (DateOnly From, DateOnly To) InYear(DateOnly from, DateOnly to, int year) =>
        (from.AddMonths(12 * (year - from.Year)), Shift.EndOfMonthKept(to, 12 * (year - from.Year)));

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    /// <summary>"and the month before?": the same length of calendar unit just before the previous window.</summary>
    private static (string From, string To)? Before(Utterance u, PlannedCall previous)
    {
        var m = u.Lexicon.Grammar.RelativeBefore.Match(u.Normalised);
        if (!m.Success || previous["from"] is not string fromText)
        {
            return null;
        }
        var from = DateOnly.Parse(fromText, CultureInfo.InvariantCulture);
        var unit = u.Lexicon.Grammar.UnitDays(m.Groups[1].Value);
        var monthStart = new DateOnly(from.Year, from.Month, 1);
        var (start, end) = unit switch
        {
            7 => (from.AddDays(-7), from.AddDays(-1)),
            365 => (new DateOnly(from.Year - 1, 1, 1), new DateOnly(from.Year - 1, 12, 31)),
            _ => (monthStart.AddMonths(-1), monthStart.AddDays(-1)),
        };
        return (Day(start), Day(end));
    }

    private static PlannedCall Scores(Slots slots, PlannedCall? context, bool keepFilters)
    {
        var call = Call(Tool.InactivityScores,
            ("inactive_after_days", slots.Threshold), ("window_days", slots.WindowDays), ("as_of", (slots.AsOf ?? slots.NamedDay) is { } d ? Day(d) : null),
            ("top", slots.Top), ("segment", slots.Segment), ("profile", slots.Profile), ("weights", slots.Weights));
        // "only the learners" after a list keeps that list's threshold and filters.
        return keepFilters && context is not null ? context.With(call.Arguments) : call;
    }

    private static PlannedCall Campaign(Utterance u, Slots slots, PlannedCall? context, PlannedCall? subject)
    {
        var basis = context?.Name == Tool.DraftCampaign ? context : null;
        var audience = subject is { Name: Tool.InactivityScores or Tool.CreateSegment or Tool.DraftCampaign } && (u.Says("refers_to_them") || IsFollowUp(u))
            ? subject : null;
        string? segment = slots.Segment ?? slots.SavedSegment, profile = slots.Profile;
        if (segment is null && audience is not null)
        {
            segment = audience.Name == Tool.CreateSegment ? audience["name"] as string : audience["segment"] as string;
            profile ??= audience.Name == Tool.CreateSegment ? null : audience["profile"] as string;
        }
        // "Prepare the next wave of campaign 3": its settings and variants, allocated by what worked (the tool ignores the rest).
        if (u.Says("next_wave")
            && CampaignNumber(u) is { } previous)
        {
            return Call(Tool.DraftCampaign, ("next_wave_of", previous), ("segment", slots.Segment ?? slots.SavedSegment), ("profile", slots.Profile));
        }
        var call = Call(Tool.DraftCampaign, ("segment", segment), ("profile", profile), ("variants", slots.Variants), ("need", slots.Need),
            ("channel", slots.Channel is "in_platform" ? null : slots.Channel), ("goal_days", slots.GoalDays));
        return basis is not null ? basis.With(call.Arguments) : call;
    }

    private static PlannedCall CreateSegment(Utterance u, Slots slots, PlannedCall? context)
    {
        var name = SegmentName(u) ?? "new_segment";
        var fromList = context?.Name == Tool.InactivityScores && (u.Says("refers_to_list") || IsFollowUp(u));
        return Call(Tool.CreateSegment, ("name", name),
            ("segment", slots.Segment ?? (fromList ? context!["segment"] : null)),
            ("profile", slots.Profile ?? (fromList ? context!["profile"] : null)),
            ("inactive_after_days", slots.Threshold ?? (fromList ? context!["inactive_after_days"] : null)),
            ("min_score", slots.MinScore));
    }

    private static PlannedCall Chart(Utterance u, Slots slots, PlannedCall? subject)
    {
        var kind = ChartKindOf(u) ?? ChartKindFor(subject) ?? "trend";
        var scoreLike = kind is "score_distribution" or "segments";
        var carried = Carried(subject, scoreLike ? "score" : "window");
        return Call(Tool.RenderChart, [("kind", kind), .. Merge(carried, Window(slots)), ("granularity", slots.Granularity ?? carried.Granularity),
            ("inactive_after_days", slots.Threshold ?? carried.Threshold), .. Filters(slots, subject, scoreLike)]);
    }

    private static PlannedCall Export(Utterance u, Slots slots, PlannedCall? subject)
    {
        var table = TableOf(u) ?? TableFor(subject) ?? "scores";
        var scoreLike = table is "scores" or "segments";
        var carried = Carried(subject, scoreLike ? "score" : "window");
        // A comparison's export compares the same two windows the answer did.
        var previous = table == "comparison" && subject?.Name == Tool.ComparePeriods && Window(slots).Length == 0
            ? new (string, object?)[] { ("previous_from", subject["previous_from"]), ("previous_to", subject["previous_to"]) }
            : [];
        return Call(Tool.ExportTable, [("table", table), ("format", slots.Format), .. Merge(carried, Window(slots)), .. previous,
            ("granularity", slots.Granularity ?? carried.Granularity), ("inactive_after_days", slots.Threshold ?? carried.Threshold), .. Filters(slots, subject, scoreLike)]);
    }

    /// <summary>
    /// What narrowed the analysis a chart or an export illustrates, so "show that as a chart" after "how many logins"
    /// draws logins: the action for trend-like views; segment, profile, as-of day, window and weights for score-like ones.
    /// </summary>
    private static (string, object?)[] Filters(Slots slots, PlannedCall? subject, bool scoreLike) => scoreLike
        ? [("segment", slots.Segment ?? subject?["segment"]), ("profile", slots.Profile ?? subject?["profile"]),
           ("as_of", subject?["as_of"]), ("window_days", subject?["window_days"]), ("weights", subject?["weights"])]
        : [("action", slots.Action ?? subject?["action"])];

    private static PlannedCall Compare(Utterance u, Slots slots, PlannedCall? subject)
    {
        var periods = Chronological(slots.Periods);
        // "same thing but comparing the first halves of those years?" after Q1 2022 against Q1 2023: the half, in each year compared.
        if (periods is [var shape] && shape.From.Year == shape.To.Year && !DateExpressions.Years(u).Any() && IsFollowUp(u)
            && subject is { Name: Tool.ComparePeriods } && subject["from"] is string laterFrom && subject["previous_from"] is string earlierFrom)
        {
            (DateOnly From, DateOnly To) In(string day) => InTheYearAskedBefore(u, shape, Call(Tool.ComparePeriods, ("from", day)));
            var (later, earlier) = (In(laterFrom), In(earlierFrom));
            return Call(Tool.ComparePeriods, ("from", Day(later.From)), ("to", Day(later.To)), ("previous_from", Day(earlier.From)), ("previous_to", Day(earlier.To)),
                ("action", slots.Action ?? subject["action"]));
        }
        // "compare it with January" after a question about February: that window against the one named.
        if (periods.Count == 1 && subject?["from"] is string from && subject["to"] is string to && (u.Says("refers_to_it") || IsFollowUp(u)))
        {
            var named = InTheYearAskedBefore(u, periods[0], subject);
            return Call(Tool.ComparePeriods, ("from", from), ("to", to), ("previous_from", Day(named.From)), ("previous_to", Day(named.To)), ("action", slots.Action ?? subject["action"]));
        }
        return Call(Tool.ComparePeriods,
            ("from", periods.Count > 0 ? Day(periods[0].From) : null), ("to", periods.Count > 0 ? Day(periods[0].To) : null),
            ("previous_from", periods.Count > 1 ? Day(periods[1].From) : null), ("previous_to", periods.Count > 1 ? Day(periods[1].To) : null),
            ("action", slots.Action));
    }

    /// <summary>
    /// "Of those whose first commit was in June 2016, how many were still contributing two months later?": one monthly
    /// cohort followed to one later month.
    /// </summary>
    private static PlannedCall? CohortFollowUp(Utterance u, Slots slots)
    {
        var months = slots.Periods.Where(p => p.From.Day == 1).ToList();
        // "first active in October 2014, how many were still active in November 2014?": the second month says how much later.
        var said = MonthsLater(u);
        var later = said ?? (months is [var first, var second] && second.From > first.From && NamesCohort(u) ? (second.From.Year * 12 + second.From.Month) - (first.From.Year * 12 + first.From.Month) : null);
        if (months.Count == 0 || later is null || !(NamesCohort(u) || WantsCohort(u)))
        {
            return null;
        }
        var cohort = months.MinBy(p => p.From)!;
        return Call(Tool.RetentionCohorts, ("from", Day(cohort.From)), ("months_later", later));
    }

    /// <summary>
    /// "Active in both 2018 and 2019", "in Q1 but not in Q2", « actifs aux deux périodes », "sia nel 2019 che nel 2020";
    /// "of those who committed in 2019, how many did in 2020?" unless those are a cohort ("of those who joined in 2019");
    /// a mere "also" in a question about a change (« ¿cómo varió...? Deme también el porcentaje ») asks for no overlap.
    /// </summary>
    private static bool WantsOverlap(Utterance u, Slots slots) =>
        slots.Periods.Count == 2 && !u.Says("lifecycle.after_break") && !WantsLifecycle(u)
        && (u.Says("overlap") || (u.Says("overlap.also") && !slots.AsksForChange && !WantsLifecycle(u)) || NegatedAfterFirstPeriod(u, slots.Periods)
            || (u.Says("overlap.of_those") && !NamesCohort(u) && !WantsNewMembers(u)));

    /// <summary>
    /// « actifs en 2017 ne l'étaient plus du tout en 2018 », "in Q1 2023 pero ya no en el segundo", « die 2018 aktiv waren,
    /// haben sich 2019 überhaupt nicht mehr blicken lassen »: a negation after the first period.
    /// </summary>
    private static bool NegatedAfterFirstPeriod(Utterance u, IReadOnlyList<FoundPeriod> periods)
    {
        var first = periods[0].Position < periods[1].Position ? periods[0] : periods[1];
        var end = first.Position + first.Length;
        return u.Lexicon["threshold.negation"].In(" " + u.Normalised[end..].Trim() + " ");
    }

    /// <summary>
    /// The members who did one of the community's own actions in both periods, the later one first. Two actions named
    /// with the two periods ("of those who changed the docs in 2019, how many pushed code in 2020?") go with the periods
    /// in the order written, each to its own.
    /// </summary>
    private static PlannedCall ActionOverlap(Slots slots)
    {
        var periods = Chronological(slots.Periods);
        var named = slots.NamedActions.Select(a => a.Action).Distinct().ToList();
        string? action = slots.Action, previousAction = null;
        if (named.Count == 2)
        {
            var firstWritten = slots.Periods.MinBy(p => p.Position)!;
            (action, previousAction) = ReferenceEquals(firstWritten, periods[1]) ? (named[1], named[0]) : (named[0], named[1]);
        }
        return Call(Tool.CountActions, ("from", Day(periods[0].From)), ("to", Day(periods[0].To)),
            ("previous_from", Day(periods[1].From)), ("previous_to", Day(periods[1].To)), ("action", action), ("previous_action", previousAction), ("top", 0));
    }

    private static int? MonthsLater(Utterance u)
    {
        var m = u.Lexicon.Grammar.MonthsLater.Match(u.Normalised);
        return !m.Success ? null : m.Groups["n"].Success ? u.Lexicon.Grammar.Number(m.Groups["n"].Value) ?? (u.Lexicon["months_later.one"].Contains(m.Groups["n"].Value) ? 1 : null) : 1;
    }

    /// <summary>A cohort said as such: "the May 2019 cohort", "whose first commit was in", « leur premier commit », "la prima attività".</summary>
    private static bool NamesCohort(Utterance u) =>
        u.Says("names_cohort");

    /// <summary>Words that make a cohort only with a "N months later": "the June 2016 newcomers", « arrivés en avril ».</summary>
    private static bool WantsCohort(Utterance u) =>
        u.Says("cohort_words");



    /// <summary>
    /// Counts of one of the community's own actions ("how many merges in 2021", "who submitted assignments in May"), the
    /// most active members of a period, and the change of an own action between two named periods.
    /// </summary>
    private static PlannedCall? CountActions(Utterance u, Slots slots)
    {
        var mostActive = WantsMostActive(u, slots) && !WantsScores(u);
        var everyEvent = slots.Action is null && WantsEventCount(u);
        // "not active for at least 40 days" is a threshold, not a number of active days.
        var minDays = slots.Threshold is null ? MinActiveDays(u) : null;
        if (!(slots.OwnAction || mostActive || everyEvent || minDays is not null) || WantsTrendOverTime(u) || (WantsLifecycle(u) && !mostActive)
            || ((slots.AsOf ?? slots.NamedDay) is not null && (WantsScores(u) || slots.Threshold is not null)))
        {
            return null;
        }
        var periods = Chronological(slots.Periods);
        var who = u.Says("asks_who") || mostActive;
        var byDays = u.Says("active_days");
        return Call(Tool.CountActions,
            ("from", periods.Count > 0 ? Day(periods[0].From) : null), ("to", periods.Count > 0 ? Day(periods[0].To) : null),
            ("previous_from", periods.Count > 1 ? Day(periods[1].From) : null), ("previous_to", periods.Count > 1 ? Day(periods[1].To) : null),
            ("action", slots.OwnAction ? slots.Action : null), ("top", slots.Top ?? (who ? 10 : 5)), ("rank_by", byDays || minDays is not null ? "active_days" : null),
            ("min_active_days", minDays));
    }

    /// <summary>"How many events in 2014, all actions together", « nombre total d'événements »: every action's events.</summary>
    private static bool WantsEventCount(Utterance u) =>
        u.Says("event_count");

    /// <summary>"Active on at least 2 different days", « actifs au moins 3 jours », "attivi almeno 2 giorni": the members that regular.</summary>
    private static int? MinActiveDays(Utterance u) =>
        u.Lexicon.Grammar.MinDays.Match(u.Normalised) is { Success: true } m ? u.Lexicon.Grammar.Number(m.Groups["n"].Value) : null;


    /// <summary>
    /// "New, returning and dormant members in May 2019", "how many did we gain and lose in Q3": the period against the
    /// one just before it (the previous calendar month, quarter or year when the period is one), as whole figures.
    /// </summary>
    private static PlannedCall PeriodLifecycle(FoundPeriod period, string? action)
    {
        var (from, to) = (period.From, period.To);
        var wholeMonths = from.Day == 1 && to.AddDays(1).Day == 1;
        var months = (to.Year * 12 + to.Month) - (from.Year * 12 + from.Month) + 1;
        var previousFrom = wholeMonths ? from.AddMonths(-months) : from.AddDays(-(to.DayNumber - from.DayNumber + 1));
        return Call(Tool.ComparePeriods, ("from", Day(from)), ("to", Day(to)), ("previous_from", Day(previousFrom)), ("previous_to", Day(from.AddDays(-1))), ("action", action));
    }

    /// <summary>"November 2014 - people active both in October 2014 and November 2014": the later period, the earlier just before it.</summary>
    private static FoundPeriod? LifecyclePeriod(IReadOnlyList<FoundPeriod> periods) => periods switch
    {
        [var only] => only,
        [var a, var b] when a.To.AddDays(1) == b.From || b.To.AddDays(1) == a.From => a.From > b.From ? a : b,
        [var a, var b] when a.From == b.From && a.To == b.To => a,
        _ => null,
    };

    /// <summary>
    /// A lifecycle question about one period named with its year ("in May 2019", "Q3 2021"): a historic period asked
    /// about as a whole. Relative windows ("last month", "since January") keep the trend's period-by-period answer.
    /// </summary>
    private static bool IsPeriodLifecycle(Utterance u, Slots slots) =>
        LifecyclePeriod(slots.Periods) is not null && DateExpressions.Years(u).Any() && WantsPeriodLifecycle(u)
        && !WantsTrendOverTime(u) && !WantsRetention(u) && (slots.Periods.Count == 2 || !WantsCompare(u) || u.Says("against_previous"))
        && (slots.AsOf ?? slots.NamedDay) is null && (!WantsScores(u) || WantsLifecycle(u) || u.Says("went_quiet"));

    private static bool WantsPeriodLifecycle(Utterance u) =>
        WantsLifecycle(u) || WantsNewMembers(u) || u.Says("what_happened")
        || u.Says("gained_lost");

    private static bool WantsNewMembers(Utterance u) =>
        u.Says("new_members");

    /// <summary>Two periods named in any order ("2014 against 2013", "H1 2022 with H1 2023"): the later one is looked at, the earlier compared with.</summary>
    private static IReadOnlyList<FoundPeriod> Chronological(IReadOnlyList<FoundPeriod> periods) =>
        periods.Count == 2 && periods[0].From < periods[1].From ? [periods[1], periods[0]] : periods;

    // "Top 5 in 2017", « Zeig mir die Top 5 im Juni »: a top list of one period that names nothing else to rank is its members.
    private static bool WantsMostActive(Utterance u, Slots slots) =>
        u.Lexicon.Grammar.TopMembers.IsMatch(u.Normalised) || u.Says("most_active")
        || (slots.Periods.Count == 1 && u.Lexicon.Grammar.TopAlone.IsMatch(u.Normalised) && !WantsSegments(u) && !WantsCampaign(u) && !u.Says("playbooks"));

    private static bool WantsTrendOverTime(Utterance u) =>
        u.Says("trend_over_time");

    private static (string? From, string? To, string? Granularity, object? Threshold) Carried(PlannedCall? subject, string what) =>
        subject is null ? default
        : what == "score" ? (null, null, null, subject["inactive_after_days"])
        : (subject["from"] as string, subject["to"] as string, subject["granularity"] as string, subject["inactive_after_days"]);

    private static (string, object?)[] Merge((string? From, string? To, string? Granularity, object? Threshold) carried, (string, object?)[] window) =>
        window.Length > 0 && window[0].Item2 is not null ? window : [("from", carried.From), ("to", carried.To)];

    private static (string, object?)[] Window(Slots slots) =>
        slots.Periods.Count == 0 ? [] : [("from", Day(slots.Periods[0].From)), ("to", Day(slots.Periods[0].To))];

    private static PlannedCall Call(string name, params (string Key, object? Value)[] arguments) =>
        new(name, arguments.Where(a => a.Value is not null).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? ChartKindOf(Utterance u) =>
        WantsLifecycle(u) ? "lifecycle"
        : u.Lexicon.Grammar.WhatTheyDo.IsMatch(u.Normalised) || u.Says("action_mix") ? "action_mix"
        : u.Says("chart_scores") ? "score_distribution"
        : u.Says("chart_segments") ? "segments"
        : WantsRetention(u) || u.Says("heatmap") ? "retention"
        : u.Says("chart_trend") ? "trend"
        : null;

    private static string? ChartKindFor(PlannedCall? subject) => subject?.Name switch
    {
        Tool.ActivityTrend or Tool.ComparePeriods => "trend",
        Tool.Lifecycle => "lifecycle",
        Tool.RetentionCohorts => "retention",
        Tool.InactivityScores or Tool.ExplainMember => "score_distribution",
        Tool.ListSegments or Tool.CreateSegment => "segments",
        Tool.RenderChart => subject["kind"] as string,
        _ => null,
    };

    private static string? TableOf(Utterance u) =>
        u.Says("stickiness") ? "stickiness"
        : WantsRetention(u) ? "retention"
        : u.Says("comparison_table") ? "comparison"
        : u.Says("table_segments") ? "segments"
        : u.Says("table_scores") || WantsScores(u) ? "scores"
        : u.Says("table_trend") ? "trend"
        : null;

    private static string? TableFor(PlannedCall? subject) => subject?.Name switch
    {
        Tool.ActivityTrend or Tool.Lifecycle => "trend",
        Tool.ComparePeriods => "comparison",
        Tool.RetentionCohorts => "retention",
        Tool.InactivityScores or Tool.ExplainMember => "scores",
        Tool.ListSegments or Tool.CreateSegment => "segments",
        Tool.ExportTable => subject["table"] as string,
        Tool.RenderChart => subject["kind"] switch { "retention" => "retention", "segments" => "segments", "score_distribution" => "scores", _ => "trend" },
        _ => null,
    };

    private static string? MemberId(Utterance u)
    {
        var m = MemberIdPattern().Match(u.Normalised);
        if (m.Success)
        {
            return m.Groups[1].Value;
        }
        // "contributor cc7ba33ae7e", « le membre 4f2a91 »: after a word for a member, a token with a digit is its id.
        var named = u.Lexicon.Grammar.NamedMember.Match(u.Normalised);
        return named.Success ? named.Groups["id"].Value : null;
    }

    private static string? SegmentName(Utterance u)
    {
        var quoted = QuotedName().Match(u.Original);
        if (quoted.Success)
        {
            return Snake(quoted.Groups[1].Value);
        }
        var m = u.Lexicon.Grammar.CalledName.Match(Utterance.Normalise(u.Original.Replace(",", " , ", StringComparison.Ordinal).Replace(".", " . ", StringComparison.Ordinal)).Replace(" , ", " | ", StringComparison.Ordinal) + " ");
        if (m.Success)
        {
            return Snake(m.Groups[1].Value);
        }
        var snake = SegmentToken().Match(u.Normalised);
        return snake.Success ? snake.Groups[1].Value : null;
    }

    private static string Snake(string text) =>
        string.Join('_', Utterance.Normalise(text).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).Trim('_');

    private static bool IsFollowUp(Utterance u) =>
        u.WordCount <= 12 && (u.Lexicon["follow_up_start"].Phrases.Any(w => u.Normalised.StartsWith(" " + w + " ", StringComparison.Ordinal)) || u.Says("follow_up"));

    private static bool IsClosing(Utterance u) =>
        u.WordCount <= 8 && (u.Says("closing") && !HasAnalysisWords(u));

    private static bool HasDomainWords(Utterance u) => HasAnalysisWords(u) || u.Says("community_words");

    private static bool HasAnalysisWords(Utterance u) =>
        WantsTrend(u) || WantsScores(u) || WantsSegments(u) || WantsChart(u) || WantsExport(u) || WantsCampaign(u) || WantsRetention(u) || WantsLifecycle(u);

    private static bool WantsCreateSegment(Utterance u) =>
        (u.Says("save_verb") && u.Says("segment_word"))
        || u.Says("as_segment");

    private static bool WantsCampaign(Utterance u) =>
        u.Says("campaign") || u.Says("ab_test") && u.Says("draft_verb_ab");

    /// <summary>
    /// A question about an existing campaign rather than a request for a new one: its results ("did campaign 3 work?",
    /// "quelle variante l'a emporté ?") or its status ("where's campaign 3 at?", "la campagne a-t-elle été validée ?"),
    /// including follow-ups about the campaign just discussed ("and did it bring anyone back?").
    /// </summary>
    private static PlannedCall? CampaignQuestion(Utterance u, PlannedCall? context)
    {
        var aboutCampaign = context?.Name is Tool.CampaignStatus or Tool.CampaignResults or Tool.DraftCampaign;
        var mentioned = WantsCampaign(u) && !WantsCampaignDraft(u);
        var variantWinner = u.Says("variant_winner");
        if (!mentioned && !variantWinner && !(aboutCampaign && u.WordCount <= 8 && (WantsCampaignResults(u) || WantsCampaignStatus(u))))
        {
            return null;
        }
        // The campaign named, else the one the conversation is about (a draft's answer names its id, but the plan does not: the latest is the default).
        var id = CampaignNumber(u) ?? (context?.Name is Tool.CampaignStatus or Tool.CampaignResults ? context["campaign_id"] as long? : null);
        if (WantsCampaignResults(u) || variantWinner)
        {
            return Call(Tool.CampaignResults, ("campaign_id", id));
        }
        // Naming an existing campaign ("campaign 3", "the last campaign", "la campagne") without a draft verb asks about it.
        if (WantsCampaignStatus(u) || CampaignNumber(u) is not null || aboutCampaign
            || u.Says("existing_campaign"))
        {
            return Call(Tool.CampaignStatus, ("campaign_id", id));
        }
        return null;
    }

    /// <summary>"What did campaign 3 achieve?", "résultats de la campagne", "which variant won?"</summary>
    private static bool WantsCampaignResults(Utterance u) =>
        u.Says("campaign.results");

    /// <summary>"Where is the campaign?", "statut de la campagne 4", "has it been sent?"</summary>
    private static bool WantsCampaignStatus(Utterance u) =>
        u.Says("campaign.status");

    /// <summary>The campaign's number when the manager names one ("campaign 3", "campagne n° 12", "campagna #4").</summary>
    private static long? CampaignNumber(Utterance u)
    {
        var match = System.Text.RegularExpressions.Regex.Match(u.Original.ToLowerInvariant(), @"campa\w*\s*(?:#|n°|no\.?|number|numero|numéro)?\s*(\d{1,9})\b");
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static bool WantsCampaignDraft(Utterance u) =>
        WantsCampaign(u) && u.Says("draft_verb");

    private static bool WantsPlaybooks(Utterance u) =>
        u.Says("playbooks")
            && !u.Says("counting_question")
            && !u.Lexicon["asks_who_first"].Phrases.Any(w => u.Normalised.StartsWith(" " + w + " ", StringComparison.Ordinal));

    private static bool WantsPlaybooksTop(Utterance u) => u.Says("playbook_word");

    private static bool WantsExplain(Utterance u) =>
        u.Says("explain");

    private static bool WantsExport(Utterance u) =>
        u.Says("export");

    private static bool WantsChart(Utterance u) =>
        u.Says("chart");

    private static bool HasComparisonWord(Utterance u) =>
        u.Says("comparison_word");

    private static bool WantsCompare(Utterance u) =>
        u.Says("compare");

    private static bool WantsRetention(Utterance u) =>
        u.Says("retention");

    // "came back after a break" (not active in the previous period, active before it) is the lifecycle's resurrecting members.
    private static bool WantsLifecycle(Utterance u) =>
        u.Says("lifecycle") || u.Says("lifecycle.after_break")
        || (u.Says("regulars_word") && u.Says("newcomers_word"));

    private static bool WantsSegments(Utterance u) =>
        u.Says("segments");

    private static bool WantsScores(Utterance u) =>
        u.Says("scores");

    private static bool WantsTrendStrongly(Utterance u) =>
        u.Says("trend_strongly");

    /// <summary>Requests that are plainly about something else: the answer says what the assistant can do.</summary>
    private static bool IsOffTopic(Utterance u) =>
        u.Says("off_topic");

    private static bool WantsTrend(Utterance u) =>
        u.Says("trend");

    /// <summary>The message's language: the lexicon language with most of its function words and letters, else the first.</summary>
    /// <param name="conversationLanguage">The conversation's language so far, kept unless the message is clearly in another.</param>
    public static string LanguageOf(string message, PlannerLexicon? lexicon = null, string? conversationLanguage = null) =>
        LanguageOf(new Utterance(message ?? "", lexicon), conversationLanguage);

    private static string LanguageOf(Utterance u, string? conversationLanguage = null)
    {
        var words = u.Normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var languages = u.Lexicon.Languages;
        var original = u.Original.ToLowerInvariant();
        var scores = languages.Select(l => (l.Language, Score: l.Score(words, original))).OrderByDescending(s => s.Score).ToList();
        var best = scores[0];
        // "¿y en 2021?", "And in 2024?": two or three words say little; a lead of one word over the conversation's
        // language is no reason to answer in another.
        if (conversationLanguage is not null && scores.FirstOrDefault(s => s.Language == conversationLanguage) is { Language: not null } carried
            && best.Score - carried.Score <= 2)
        {
            return conversationLanguage;
        }
        return best.Score == 0 ? languages[0].Language : best.Language;
    }

    [GeneratedRegex(@" (?:member |membre |membro |user |utilisateur |utente |id )?((?:m|u|usr|user|mbr|member)[-_]?\d{2,}|[a-z]{1,4}-\d{3,}|\d{5,}(?![-\d]))(?:'s| s)? ")]
    private static partial Regex MemberIdPattern();


    [GeneratedRegex(@"\b(?:segment|segmento) ([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b")]
    private static partial Regex SegmentToken();


    [GeneratedRegex("[\"«“]\\s*([^\"»”]{1,60}?)\\s*[\"»”]")]
    private static partial Regex QuotedName();

}

using System.Globalization;
using System.Text;
using Actionlytics.Agent.Prompts;
using Actionlytics.Agent.Tools;
using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Core.Campaigns;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// Words the offline planner's answer from the tool results only, with the templates of the manager's language:
/// every number in the answer comes from a result; artifacts and citations are named as the tools returned them.
/// </summary>
public sealed class AnswerWriter(AgentPrompts prompts)
{
    public string Write(string language, IReadOnlyList<ToolResult> results, AnswerFocus focus = AnswerFocus.Figures)
    {
        ArgumentNullException.ThrowIfNull(results);
        var t = prompts.Answers(language);
        var f = Formatter.For(language);
        var answer = new StringBuilder();
        var advice = false;
        foreach (var result in results)
        {
            if (answer.Length > 0)
            {
                answer.Append("\n\n");
            }
            advice |= result is PlaybooksResult or CampaignDraftResult or SegmentSaved;
            answer.Append(result switch
            {
                ToolError e => t.Render("tool_error", new Dictionary<string, string> { ["error"] = e.Error }),
                ToolNoResult { Declined: true } => t.Text("approval_rejected"),
                ToolNoResult n => t.Render("tool_error", new Dictionary<string, string> { ["error"] = n.Text }),
                TrendResult r => Trend(t, f, r),
                ComparisonResult r => Comparison(t, f, r, focus),
                LifecycleResult r => Lifecycle(t, f, r),
                ActionCountsResult r => Actions(t, f, r, focus),
                RetentionResult r => Retention(t, f, r),
                ScoresResult r => Scores(t, f, r),
                MemberExplanation r => Explain(t, f, r),
                SegmentsResult r => Segments(t, f, r),
                SegmentSaved r => t.Render("segment_saved", new Dictionary<string, string> { ["name"] = r.Name, ["members"] = f.Number(r.Members) }),
                ChartResult r => t.Render("chart", new Dictionary<string, string> { ["kind"] = r.Kind.Replace('_', ' '), ["title"] = r.Title, ["url"] = r.Artifact.Url }),
                TableResult r => t.Render("table", new Dictionary<string, string>
                {
                    ["table"] = r.Table, ["format"] = r.Format.ToUpperInvariant(), ["file"] = r.Artifact.FileName, ["url"] = r.Artifact.Url, ["rows"] = f.Number(r.Rows),
                }),
                PlaybooksResult r => Playbooks(t, r),
                CampaignDraftResult r => Campaign(t, f, r.Draft),
                CampaignStatusResult r => CampaignStatus(t, f, r.Campaign),
                CampaignResultsResult r => CampaignResults(t, f, r),
                _ => throw new InvalidOperationException($"No answer for a {result.GetType().Name}: add its case here and its template to prompts/agent/answers.*.md."),
            });
        }
        if (advice)
        {
            answer.Append("\n\n").Append(t.Text("ai_notice"));
        }
        return answer.ToString();
    }

    /// <summary>
    /// How the question was read, from what the tools actually used (their defaults filled in): the period, the day,
    /// the threshold, the filters. Null when no analysis ran. Channels show it under the answer, for any model.
    /// </summary>
    public string? Reading(string language, IReadOnlyList<ToolResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var t = prompts.Answers(language);
        var f = Formatter.For(language);
        string Only(string? name) => name is null ? "" : t.Render("reading_only", new Dictionary<string, string> { ["name"] = name });
        var parts = results.Select(result => result switch
        {
            TrendResult r => t.Render("reading_trend", new Dictionary<string, string> { ["from"] = f.Day(r.From), ["to"] = f.Day(r.To), ["granularity"] = f.Granularity(r.Granularity), ["action"] = Only(r.Action) }),
            ComparisonResult r => t.Render("reading_comparison", new Dictionary<string, string>
            {
                ["from"] = f.Day(r.Current.From), ["to"] = f.Day(r.Current.To), ["previous_from"] = f.Day(r.Previous.From), ["previous_to"] = f.Day(r.Previous.To), ["action"] = Only(r.Action),
            }),
            LifecycleResult r => t.Render("reading_lifecycle", new Dictionary<string, string> { ["from"] = f.Day(r.From), ["to"] = f.Day(r.To), ["granularity"] = f.Granularity(r.Granularity), ["action"] = Only(r.Action) }),
            ActionCountsResult r => t.Render("reading_actions", new Dictionary<string, string>
            {
                ["action"] = r.Action ?? t.Text("reading_every_action"), ["from"] = f.Day(r.Current.From), ["to"] = f.Day(r.Current.To),
                ["previous"] = r.Previous is { } p ? t.Render("reading_actions_previous", new Dictionary<string, string> { ["previous_from"] = f.Day(p.From), ["previous_to"] = f.Day(p.To) }) : "",
            }),
            RetentionResult { FollowUp: { } u } => t.Render("reading_follow_up", new Dictionary<string, string> { ["month"] = u.Month, ["months_later"] = f.Number(u.MonthsLater) }),
            RetentionResult r => t.Render("reading_retention", new Dictionary<string, string> { ["from"] = f.Day(r.From), ["to"] = f.Day(r.To) }),
            ScoresResult r => t.Render("reading_scores", new Dictionary<string, string>
            {
                ["as_of"] = f.Day(r.AsOf), ["threshold"] = f.Number(r.InactiveAfterDays), ["filter"] = Only(string.Join(", ", new[] { r.Segment, r.Profile }.Where(x => x is not null)) is { Length: > 0 } x ? x : null),
            }),
            SegmentsResult r => t.Render("reading_segments", new Dictionary<string, string> { ["as_of"] = f.Day(r.AsOf), ["threshold"] = f.Number(r.InactiveAfterDays) }),
            _ => null,
        }).Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : t.Render("reading", new Dictionary<string, string> { ["parts"] = string.Join("; ", parts) });
    }

    /// <summary>The window's figures first (what was asked), then its last period, labelled when it is not complete.</summary>
    private static string Trend(AnswerTemplates t, Formatter f, TrendResult r)
    {
        var last = r.Periods.Count > 0 ? r.Periods[^1] : null;
        var c = r.Comparison;
        var text = new StringBuilder(t.Render("trend_window", new Dictionary<string, string>
        {
            ["from"] = f.Day(r.From),
            ["to"] = f.Day(r.To),
            ["window_active"] = f.Number(c.Current.ActiveMembers),
            ["window_rate"] = f.Percent(c.Current.ActivityRate),
            ["window_members"] = f.Number(c.Current.Members),
            ["window_new"] = f.Number(c.Current.NewMembers),
            ["window_change"] = f.Change(c.ActiveMembersChange, c.ActiveMembersChangeRatio),
            ["window_days"] = f.Number(c.Current.To.DayNumber - c.Current.From.DayNumber + 1),
            ["previous_active"] = f.Number(c.Previous.ActiveMembers),
        }));
        if (r.Action is { } action)
        {
            text.Append(' ').Append(t.Render("trend_action", new Dictionary<string, string> { ["action"] = action }));
        }
        if (last is not null && r.Periods.Count > 1)
        {
            text.Append(' ').Append(t.Render("trend", new Dictionary<string, string>
            {
                ["granularity"] = f.Granularity(r.Granularity),
                ["last_from"] = f.Day(last.Start),
                ["last_to"] = f.Day(last.End),
                ["partial"] = IsPartial(r.Granularity, last.Start, last.End) ? " " + t.Text("partial") : "",
                ["active"] = f.Number(last.ActiveMembers),
                ["rate"] = f.Percent(last.ActivityRate),
                ["gained"] = f.Number(last.Gained),
                ["lost"] = f.Number(last.Lost),
            }));
        }
        // A short series is read as well as looked at: each period's figure, in order.
        if (r.Periods.Count is > 1 and <= 13)
        {
            text.Append('\n').Append(t.Render("trend_periods", new Dictionary<string, string>
            {
                ["granularity"] = f.Granularity(r.Granularity),
                ["list"] = string.Join(", ", r.Periods.Select(p => $"{(r.Granularity == "month" ? p.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture) : IsoDay(p.Start))}: {f.Number(p.ActiveMembers)}")),
            }));
        }
        return text.ToString();
    }

    /// <summary>A week or month the window cuts short: its figures are not comparable with the whole ones before it.</summary>
    private static bool IsPartial(string granularity, DateOnly start, DateOnly end) => granularity switch
    {
        "week" => end.DayNumber - start.DayNumber < 6,
        "month" => start.Day != 1 || end.AddDays(1).Day != 1,
        _ => false,
    };

    private static string Comparison(AnswerTemplates t, Formatter f, ComparisonResult r, AnswerFocus focus)
    {
        // Two windows back to back are a lifecycle: who is new, returning, back after a gap, or gone quiet.
        var lifecycle = focus == AnswerFocus.Lifecycle && r.Previous.To.AddDays(1) == r.Current.From
            ? t.Render("comparison_lifecycle", new Dictionary<string, string>
            {
                ["from"] = f.Day(r.Current.From), ["to"] = f.Day(r.Current.To), ["previous_from"] = f.Day(r.Previous.From), ["previous_to"] = f.Day(r.Previous.To),
                ["new"] = f.Number(r.Current.NewMembers), ["returning"] = f.Number(r.Current.ActiveMembers - r.Gained),
                ["resurrecting"] = f.Number(r.Gained - r.Current.NewMembers), ["dormant"] = f.Number(r.Lost),
                ["gained"] = f.Number(r.Gained), ["lost"] = f.Number(r.Lost), ["active"] = f.Number(r.Current.ActiveMembers),
            }) + "\n\n"
            : "";
        var overlap = focus is AnswerFocus.Overlap or AnswerFocus.OverlapFirstOnly
            ? t.Render(focus == AnswerFocus.OverlapFirstOnly ? "comparison_overlap_first_only" : "comparison_overlap", new Dictionary<string, string>
            {
                ["from"] = f.Day(r.Current.From), ["to"] = f.Day(r.Current.To), ["previous_from"] = f.Day(r.Previous.From), ["previous_to"] = f.Day(r.Previous.To),
                ["both"] = f.Number(r.Current.ActiveMembers - r.Gained), ["only_previous"] = f.Number(r.Lost), ["only_current"] = f.Number(r.Gained),
            }) + "\n\n"
            : "";
        var text = overlap + lifecycle + t.Render("comparison", new Dictionary<string, string>
        {
            ["from"] = f.Day(r.Current.From),
            ["to"] = f.Day(r.Current.To),
            ["active"] = f.Number(r.Current.ActiveMembers),
            ["rate"] = f.Percent(r.Current.ActivityRate),
            ["previous_active"] = f.Number(r.Previous.ActiveMembers),
            ["previous_rate"] = f.Percent(r.Previous.ActivityRate),
            ["previous_from"] = f.Day(r.Previous.From),
            ["previous_to"] = f.Day(r.Previous.To),
            ["change"] = f.Change(r.ActiveMembersChange, r.ActiveMembersChangeRatio),
            ["gained"] = f.Number(r.Gained),
            ["lost"] = f.Number(r.Lost),
            ["events"] = f.Number(r.Current.Events),
            ["previous_events"] = f.Number(r.Previous.Events),
        });
        return r.Action is { } action ? text + " " + t.Render("trend_action", new Dictionary<string, string> { ["action"] = action }) : text;
    }

    private static string Actions(AnswerTemplates t, Formatter f, ActionCountsResult r, AnswerFocus focus)
    {
        var c = r.Current;
        var text = new StringBuilder();
        // "Of those who changed the docs in 2019, how many did in 2020?": who did it in both, then the counts behind it.
        if (focus is AnswerFocus.Overlap or AnswerFocus.OverlapFirstOnly && r.Previous is { } earlier && r.MembersInBoth is { } both)
        {
            var template = r.PreviousAction != r.Action ? "actions_overlap_two"
                : r.Action is null ? (focus == AnswerFocus.OverlapFirstOnly ? "comparison_overlap_first_only" : "comparison_overlap") : "actions_overlap";
            text.Append(t.Render(template, new Dictionary<string, string>
            {
                ["from"] = f.Day(c.From), ["to"] = f.Day(c.To), ["previous_from"] = f.Day(earlier.From), ["previous_to"] = f.Day(earlier.To),
                ["action"] = r.Action ?? "", ["previous_action"] = r.PreviousAction ?? "",
                ["both"] = f.Number(both), ["only_previous"] = f.Number(earlier.Members - both), ["only_current"] = f.Number(c.Members - both),
            })).Append("\n\n");
        }
        if (r.MinActiveDays is { } minDays && c.MembersWithMinActiveDays is { } regulars)
        {
            text.Append(t.Render("actions_regulars", new Dictionary<string, string>
            {
                ["from"] = f.Day(c.From), ["to"] = f.Day(c.To), ["members"] = f.Number(regulars), ["days"] = f.Number(minDays), ["active"] = f.Number(c.Members),
            })).Append(' ');
        }
        text.Append(r.Action is { } action
            ? ActionLine(t, f, c, action)
            : t.Render("actions_all", new Dictionary<string, string>
            {
                ["from"] = f.Day(c.From), ["to"] = f.Day(c.To), ["events"] = f.Number(c.Events), ["members"] = f.Number(c.Members),
                ["by_action"] = string.Join(", ", c.ByAction.Select(a => t.Render("actions_part", new Dictionary<string, string>
                {
                    ["action"] = a.Action, ["events"] = f.Number(a.Events), ["members"] = f.Number(a.Members),
                }))),
            }));
        if (r.Previous is { } other && r.PreviousAction != r.Action)
        {
            // Another action in the previous window: its own figures, not a change.
            text.Append(' ').Append(ActionLine(t, f, other, r.PreviousAction ?? ""));
        }
        else if (r.Previous is { } p)
        {
            var change = c.Events - p.Events;
            text.Append(' ').Append(t.Render("actions_change", new Dictionary<string, string>
            {
                ["previous_from"] = f.Day(p.From), ["previous_to"] = f.Day(p.To), ["previous_events"] = f.Number(p.Events), ["previous_members"] = f.Number(p.Members),
                ["change"] = f.Change((int)change, p.Events == 0 ? null : (double)change / p.Events),
                ["members_change"] = f.Change(c.Members - p.Members, p.Members == 0 ? null : (double)(c.Members - p.Members) / p.Members),
            }));
        }
        if (r.Top.Count == 0)
        {
            return text.ToString();
        }
        // "Who were our 5 most active members?": the ranking asked for, then the counts around it.
        return focus == AnswerFocus.TopMembers
            ? TopList(t, f, r, lead: true) + "\n\n" + text
            : text.Append('\n').Append(TopList(t, f, r, lead: false)).ToString();
    }

    /// <summary>The ranked members; as the answer's lead, with the period they are ranked over.</summary>
    private static string TopList(AnswerTemplates t, Formatter f, ActionCountsResult r, bool lead)
    {
        var text = new StringBuilder(t.Render(lead ? "actions_top_lead" : "actions_top", new Dictionary<string, string>
        {
            ["ranked_by"] = t.Text("ranked_" + r.RankedBy), ["from"] = f.Day(r.Current.From), ["to"] = f.Day(r.Current.To),
        }));
        var rank = 0;
        foreach (var m in r.Top)
        {
            text.Append('\n').Append(t.Render("actions_row", new Dictionary<string, string>
            {
                ["rank"] = (++rank).ToString(CultureInfo.InvariantCulture), ["member"] = m.MemberId, ["events"] = f.Number(m.Events), ["active_days"] = f.Number(m.ActiveDays),
            }));
        }
        if (r.TieAtCut)
        {
            text.Append('\n').Append(t.Text("actions_tie"));
        }
        return text.ToString();
    }

    /// <summary>One window's events and members of one action.</summary>
    private static string ActionLine(AnswerTemplates t, Formatter f, ActionCountsWindow w, string action) =>
        t.Render("actions", new Dictionary<string, string> { ["from"] = f.Day(w.From), ["to"] = f.Day(w.To), ["events"] = f.Number(w.Events), ["action"] = action, ["members"] = f.Number(w.Members) });

    private static string Lifecycle(AnswerTemplates t, Formatter f, LifecycleResult r)
    {
        var periods = r.Periods;
        string Average(Func<LifecyclePeriod, int> value) => f.Number(periods.Count == 0 ? 0 : Math.Round(periods.Average(value)));
        string Last(Func<LifecyclePeriod, int> value) => periods.Count == 0 ? "0" : f.Number(value(periods[^1]));
        return t.Render("lifecycle", new Dictionary<string, string>
        {
            ["from"] = f.Day(r.From),
            ["to"] = f.Day(r.To),
            ["granularity"] = f.Granularity(r.Granularity),
            ["new"] = Average(p => p.New), ["returning"] = Average(p => p.Returning), ["resurrecting"] = Average(p => p.Resurrecting), ["dormant"] = Average(p => p.Dormant),
            ["last_new"] = Last(p => p.New), ["last_returning"] = Last(p => p.Returning), ["last_resurrecting"] = Last(p => p.Resurrecting), ["last_dormant"] = Last(p => p.Dormant),
        });
    }

    private static string Retention(AnswerTemplates t, Formatter f, RetentionResult r)
    {
        var cohorts = r.Cohorts;
        var complete = cohorts.Where(c => c.Retained.Count > 1).ToList();
        var latest = complete.Count > 0 ? complete[^1] : cohorts.Count > 0 ? cohorts[^1] : null;
        string Average(int months)
        {
            var values = cohorts.Where(c => c.Retained.Count > months && c.Size > 0).Select(c => c.Retained[months]).ToList();
            return values.Count == 0 ? "-" : f.Percent(values.Average());
        }
        var lead = r.FollowUp is { } u
            ? t.Render("retention_follow_up", new Dictionary<string, string>
            {
                ["size"] = f.Number(u.Size), ["month"] = u.Month, ["retained"] = f.Number(u.Retained), ["rate"] = f.Percent(u.Rate),
                ["months_later"] = f.Number(u.MonthsLater), ["measured_month"] = u.MeasuredMonth,
            }) + "\n\n"
            : "";
        return lead + t.Render("retention", new Dictionary<string, string>
        {
            ["cohorts"] = f.Number(cohorts.Count),
            ["from"] = f.Day(r.From),
            ["month"] = latest?.Month ?? "-",
            ["size"] = f.Number(latest?.Size ?? 0),
            ["retained_1"] = latest is { Retained.Count: > 1 } ? f.Percent(latest.Retained[1]) : "-",
            ["average_1"] = Average(1),
            ["average_3"] = Average(3),
        });
    }

    private static string Scores(AnswerTemplates t, Formatter f, ScoresResult r)
    {
        var text = new StringBuilder(t.Render("scores", new Dictionary<string, string>
        {
            ["as_of"] = f.Day(r.AsOf),
            ["inactive"] = f.Number(r.InactiveMembers),
            ["threshold"] = f.Number(r.InactiveAfterDays),
            ["active"] = f.Number(r.ActiveMembers),
            ["never"] = f.Number(r.NeverActiveMembers),
        }));
        if (r.Segment is not null || r.Profile is not null)
        {
            text.Append(' ').Append(t.Render("scores_filter", new Dictionary<string, string>
            {
                ["matching"] = f.Number(r.Matching), ["filter"] = string.Join(", ", new[] { r.Segment, r.Profile }.Where(x => x is not null)),
            }));
        }
        if (r.Members.Count > 0)
        {
            text.Append(' ').Append(t.Text("scores_top"));
        }
        var rank = 0;
        foreach (var member in r.Members)
        {
            text.Append('\n').Append(t.Render("scores_row", new Dictionary<string, string>
            {
                ["rank"] = (++rank).ToString(CultureInfo.InvariantCulture),
                ["member"] = member.MemberId,
                ["score"] = f.Number(member.Score),
                ["last_active"] = IsoDay(member.LastActive),
                ["recency"] = f.Number(member.RecencyDays),
                ["segment"] = member.Segment,
                ["profile"] = member.Profile,
            }));
        }
        return text.ToString();
    }

    private static string Explain(AnswerTemplates t, Formatter f, MemberExplanation r)
    {
        var values = new Dictionary<string, string>
        {
            ["member"] = r.MemberId,
            ["as_of"] = f.Day(r.AsOf),
            ["score"] = f.Number(r.Score),
            ["last_active"] = f.Day(r.LastActive),
            ["recency"] = f.Number(r.RecencyDays),
            ["active_days"] = f.Number(r.ActiveDays),
            ["segment"] = r.Segment,
            ["profile"] = r.Profile,
            ["summary"] = r.Summary,
        };
        foreach (var component in r.Components)
        {
            values[component.Name + "_points"] = f.Number(component.Points);
        }
        return t.Render("explain", values);
    }

    private static string Segments(AnswerTemplates t, Formatter f, SegmentsResult r)
    {
        var text = new StringBuilder(t.Render("segments", new Dictionary<string, string>
        {
            ["as_of"] = f.Day(r.AsOf), ["threshold"] = f.Number(r.InactiveAfterDays), ["inactive"] = f.Number(r.Segments.Sum(s => s.Members)),
        }));
        foreach (var segment in r.Segments.Concat(r.Saved))
        {
            text.Append('\n').Append(t.Render("segments_row", new Dictionary<string, string>
            {
                ["segment"] = segment.Name,
                ["members"] = f.Number(segment.Members),
                ["definition"] = segment.Definition,
            }));
        }
        return text.ToString();
    }

    private static string Playbooks(AnswerTemplates t, PlaybooksResult r)
    {
        if (r.Playbooks.Count == 0)
        {
            return t.Text("playbooks_none");
        }
        var text = new StringBuilder(t.Text("playbooks"));
        foreach (var hit in r.Playbooks)
        {
            text.Append('\n').Append(t.Render("playbooks_row", new Dictionary<string, string>
            {
                ["title"] = hit.Title,
                ["citation"] = hit.PlaybookId + ": " + hit.Section,
                ["excerpt"] = hit.Excerpt,
            }));
        }
        return text.ToString();
    }

    private static string Campaign(AnswerTemplates t, Formatter f, CampaignProposal r)
    {
        var text = new StringBuilder(t.Render("campaign", new Dictionary<string, string>
        {
            ["segment"] = r.Segment + (r.Profile is { } p ? " / " + p : ""),
            ["audience"] = f.Number(r.Audience),
            ["variants"] = f.Number(r.Variants.Count),
            ["group_size"] = GroupSizes(f, r.Variants),
            ["holdout"] = f.Number(r.Holdout),
            ["goal_days"] = f.Number(r.GoalDays),
            ["baseline"] = f.Percent(r.BaselineRate),
            ["mde"] = f.Number(Math.Round(r.MinimumDetectableEffect * 100, 1)),
            ["campaign_id"] = r.CampaignId?.ToString(CultureInfo.InvariantCulture) ?? "?",
            ["version"] = r.Version?.ToString(CultureInfo.InvariantCulture) ?? "?",
        }));
        if (r.PreviousWave is { } previous && r.Allocation is { } allocation)
        {
            text.Append(' ').Append(t.Render("campaign_wave", new Dictionary<string, string>
            {
                ["previous"] = previous.ToString(CultureInfo.InvariantCulture),
                ["allocation"] = Allocation(f, allocation),
            }));
        }
        foreach (var v in r.Variants)
        {
            text.Append('\n').Append(t.Render("campaign_row", new Dictionary<string, string>
            {
                ["name"] = v.Name,
                ["need"] = v.Need,
                ["channel"] = v.Channel,
                ["playbook"] = v.PlaybookId,
                ["size"] = f.Number(v.GroupSize),
                ["subject"] = v.Subject,
            }));
        }
        return text.ToString();
    }

    private static string CampaignStatus(AnswerTemplates t, Formatter f, CampaignView c)
    {
        var groups = string.Join(", ", c.Groups.OrderBy(g => g.Key == "holdout").ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {f.Number(g.Value)}"));
        var text = new StringBuilder(t.Render("campaign_summary", new Dictionary<string, string>
        {
            ["campaign_id"] = c.Id.ToString(CultureInfo.InvariantCulture),
            ["name"] = c.Name,
            ["state"] = t.Text("state_" + c.State),
            ["version"] = c.Version.ToString(CultureInfo.InvariantCulture),
            ["audience"] = f.Number(c.Audience),
            ["groups"] = groups,
            ["sent"] = f.Number(c.Delivery.Sent),
            ["pending"] = f.Number(c.Delivery.Pending + c.Delivery.Sending),
            ["skipped"] = f.Number(c.Delivery.Skipped),
            ["failed"] = f.Number(c.Delivery.Failed),
        }));
        if (c.DecidedBy is { } by && c.DecidedAt is { } at)
        {
            text.Append(' ').Append(t.Render("campaign_decision", new Dictionary<string, string>
            {
                ["by"] = by,
                ["at"] = at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            }));
        }
        return text.ToString();
    }

    private static string CampaignResults(AnswerTemplates t, Formatter f, CampaignResultsResult r)
    {
        var holdout = r.Groups.First(g => g.Group == "holdout");
        var text = new StringBuilder(t.Render("results_summary", new Dictionary<string, string>
        {
            ["campaign_id"] = r.CampaignId.ToString(CultureInfo.InvariantCulture),
            ["name"] = r.Name,
            ["state"] = t.Text("state_" + r.State),
            ["goal_days"] = f.Number(r.GoalDays),
            ["holdout_rate"] = f.Percent(holdout.Rate),
            ["holdout_returned"] = f.Number(holdout.Returned),
            ["holdout_size"] = f.Number(holdout.Assigned),
        }));
        foreach (var g in r.Groups.Where(g => g.Group != "holdout"))
        {
            text.Append('\n').Append(t.Render("campaign_results_row", new Dictionary<string, string>
            {
                ["group"] = g.Group,
                ["need"] = g.Need ?? "",
                ["rate"] = f.Percent(g.Rate),
                ["returned"] = f.Number(g.Returned),
                ["assigned"] = f.Number(g.Assigned),
                ["uplift"] = g.Uplift is { } uplift ? f.Signed(Math.Round(uplift * 100, 1)) : "-",
                ["p_value"] = g.PValue is { } p ? f.Decimal(p, 3) : "-",
                ["p_beat"] = g.ProbabilityToBeatHoldout is { } beat ? f.Percent(beat) : "-",
            }));
        }
        foreach (var warning in r.Warnings)
        {
            text.Append('\n').Append(t.Render("warning_" + warning.Code, new Dictionary<string, string> { ["value"] = warning.Value }));
        }
        if (r.NextWave.Count > 0)
        {
            text.Append('\n').Append(t.Render("campaign_next_wave", new Dictionary<string, string> { ["allocation"] = Allocation(f, r.NextWave) }));
        }
        text.Append('\n').Append(t.Render("campaign_files", new Dictionary<string, string> { ["chart_url"] = r.Chart.Url, ["table_url"] = r.Table.Url }));
        return text.ToString();
    }

    /// <summary>"learner: B 62%, A 25%, C 13%; contributor: ..." from wave allocation rows.</summary>
    private static string Allocation(Formatter f, IEnumerable<WaveAllocation> rows) =>
        string.Join("; ", rows.GroupBy(a => a.Profile)
            .Select(p => $"{p.Key}: " + string.Join(", ", p.OrderByDescending(a => a.Share).Select(a => $"{a.Variant} {f.Percent(a.Share)}"))));

    /// <summary>"83" when the variant groups are equal, "83-84" when the stratified split leaves them a member apart.</summary>
    private static string GroupSizes(Formatter f, IReadOnlyList<ProposedVariant> variants)
    {
        if (variants.Count == 0)
        {
            return "0";
        }
        var sizes = variants.Select(v => v.GroupSize).ToList();
        return sizes.Min() == sizes.Max() ? f.Number(sizes[0]) : $"{f.Number(sizes.Min())}-{f.Number(sizes.Max())}";
    }

    // Dense lists (a week per entry, a member per line) keep the compact ISO day; readings and leads use Formatter.Day.
    private static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Numbers, percentages and changes written the manager's way.</summary>
    private sealed class Formatter(CultureInfo culture, string language)
    {
        public static Formatter For(string language) =>
            new(CultureInfo.GetCultureInfo(language switch { "fr" => "fr-FR", "it" => "it-IT", "es" => "es-ES", "de" => "de-DE", _ => "en-GB" }), language);

        public string Number(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "N1", culture);

        /// <summary>A day as the manager's language writes it: 1 October 2022, 1er octobre 2022, 1º ottobre 2022, 1 de octubre de 2022, 1. Oktober 2022.</summary>
        public string Day(DateOnly day) => day.ToString(language switch
        {
            "fr" when day.Day == 1 => "d'er' MMMM yyyy",
            "it" when day.Day == 1 => "d'º' MMMM yyyy",
            "es" => "d 'de' MMMM 'de' yyyy",
            "de" => "d. MMMM yyyy",
            _ => "d MMMM yyyy",
        }, culture);

        public string Signed(double value) => (value > 0 ? "+" : "") + value.ToString("0.#", culture);

        public string Decimal(double value, int digits) => value.ToString("0." + new string('#', digits), culture);

        public string Percent(double ratio) => (ratio * 100).ToString("0.#", culture) + (language is "fr" or "de" or "es" ? " %" : "%");

        public string Change(int change, double? ratio) =>
            (change >= 0 ? "+" : "") + Number(change) + (ratio is { } r ? $" ({(r >= 0 ? "+" : "")}{Percent(r)})" : "");

        public string Granularity(string granularity) => (language, granularity) switch
        {
            ("fr", "day") => "jour", ("fr", "week") => "semaine", ("fr", "month") => "mois",
            ("it", "day") => "giorno", ("it", "week") => "settimana", ("it", "month") => "mese",
            ("es", "day") => "día", ("es", "week") => "semana", ("es", "month") => "mes",
            ("de", "day") => "Tag", ("de", "week") => "Woche", ("de", "month") => "Monat",
            _ => granularity,
        };
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Actionlytics.Agent.Prompts;

namespace Actionlytics.Agent.Planning;

/// <summary>
/// Words the offline planner's answer from the tool results only, with the templates of the manager's language:
/// every number in the answer comes from a result; artifacts and citations are named as the tools returned them.
/// </summary>
public sealed class AnswerWriter(AgentPrompts prompts)
{
    public string Write(string language, IReadOnlyList<(string Tool, JsonElement Result)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var t = prompts.Answers(language);
        var culture = CultureInfo.GetCultureInfo(language switch { "fr" => "fr-FR", "it" => "it-IT", _ => "en-GB" });
        var answer = new StringBuilder();
        var advice = false;
        foreach (var (tool, result) in results)
        {
            if (answer.Length > 0)
            {
                answer.Append("\n\n");
            }
            if (result.ValueKind != JsonValueKind.Object)
            {
                // Not a tool's JSON: the pipeline's word for a declined proposal, or for a tool that failed unexpectedly.
                var text = result.ValueKind == JsonValueKind.String ? result.GetString() ?? "" : "";
                answer.Append(text.StartsWith("Error", StringComparison.OrdinalIgnoreCase)
                    ? t.Render("tool_error", new Dictionary<string, string> { ["error"] = text })
                    : t.Text("approval_rejected"));
                continue;
            }
            if (result.TryGetProperty("error", out var error))
            {
                answer.Append(t.Render("tool_error", new Dictionary<string, string> { ["error"] = error.GetString() ?? "" }));
                continue;
            }
            var f = new Formatter(culture, language);
            advice |= tool is "search_playbooks" or "draft_campaign" or "create_segment";
            answer.Append(tool switch
            {
                "activity_trend" => Trend(t, f, result),
                "compare_periods" => Comparison(t, f, result),
                "lifecycle" => Lifecycle(t, f, result),
                "retention_cohorts" => Retention(t, f, result),
                "inactivity_scores" => Scores(t, f, result),
                "explain_member" => t.Render("explain", Values(f, result, "member_id:member", "score", "last_active", "recency_days:recency", "active_days", "segment", "profile", "summary")
                    .Concat(result.GetProperty("components").EnumerateArray().Select(c => KeyValuePair.Create(c.GetProperty("name").GetString() + "_points", f.Number(c.GetProperty("points").GetDouble()))))
                    .ToDictionary()),
                "list_segments" => Segments(t, f, result),
                "create_segment" => t.Render("segment_saved", Values(f, result, "name", "members")),
                "render_chart" => t.Render("chart", new Dictionary<string, string>
                {
                    ["kind"] = result.GetProperty("kind").GetString()!.Replace('_', ' '),
                    ["title"] = result.GetProperty("title").GetString()!,
                    ["url"] = result.GetProperty("artifact").GetProperty("url").GetString()!,
                }),
                "export_table" => t.Render("table", new Dictionary<string, string>
                {
                    ["table"] = result.GetProperty("table").GetString()!,
                    ["format"] = result.GetProperty("format").GetString()!.ToUpperInvariant(),
                    ["file"] = result.GetProperty("artifact").GetProperty("file_name").GetString()!,
                    ["url"] = result.GetProperty("artifact").GetProperty("url").GetString()!,
                    ["rows"] = f.Number(result.GetProperty("rows").GetInt32()),
                }),
                "search_playbooks" => Playbooks(t, result),
                "draft_campaign" => Campaign(t, f, result),
                "campaign_status" => CampaignStatus(t, f, result),
                "campaign_results" => CampaignResults(t, f, result),
                _ => result.GetRawText(),
            });
        }
        if (advice)
        {
            answer.Append("\n\n").Append(t.Text("ai_notice"));
        }
        return answer.ToString();
    }

    private static string Trend(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var periods = r.GetProperty("periods").EnumerateArray().ToList();
        var last = periods.Count > 0 ? periods[^1] : default;
        var comparison = r.GetProperty("comparison");
        var current = comparison.GetProperty("current");
        var previous = comparison.GetProperty("previous");
        var text = new StringBuilder(t.Render("trend", new Dictionary<string, string>
        {
            ["from"] = r.GetProperty("from").GetString()!,
            ["to"] = r.GetProperty("to").GetString()!,
            ["granularity"] = f.Granularity(r.GetProperty("granularity").GetString()!),
            ["active"] = periods.Count > 0 ? f.Number(last.GetProperty("active_members").GetInt32()) : "0",
            ["rate"] = periods.Count > 0 ? f.Percent(last.GetProperty("activity_rate").GetDouble()) : "0",
            ["members"] = periods.Count > 0 ? f.Number(last.GetProperty("members").GetInt32()) : "0",
            ["gained"] = periods.Count > 0 ? f.Number(last.GetProperty("gained").GetInt32()) : "0",
            ["lost"] = periods.Count > 0 ? f.Number(last.GetProperty("lost").GetInt32()) : "0",
        }));
        if (r.TryGetProperty("action", out var action))
        {
            text.Append(' ').Append(t.Render("trend_action", new Dictionary<string, string> { ["action"] = action.GetString()! }));
        }
        var days = DateOnly.Parse(current.GetProperty("to").GetString()!, CultureInfo.InvariantCulture).DayNumber - DateOnly.Parse(current.GetProperty("from").GetString()!, CultureInfo.InvariantCulture).DayNumber + 1;
        text.Append(' ').Append(t.Render("trend_window", new Dictionary<string, string>
        {
            ["window_active"] = f.Number(current.GetProperty("active_members").GetInt32()),
            ["window_change"] = f.Change(comparison.GetProperty("active_members_change").GetInt32(), comparison.TryGetProperty("active_members_change_ratio", out var ratio) ? ratio.GetDouble() : null),
            ["window_days"] = f.Number(days),
            ["previous_active"] = f.Number(previous.GetProperty("active_members").GetInt32()),
        }));
        return text.ToString();
    }

    private static string Comparison(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var current = r.GetProperty("current");
        var previous = r.GetProperty("previous");
        var text = t.Render("comparison", new Dictionary<string, string>
        {
            ["from"] = current.GetProperty("from").GetString()!,
            ["to"] = current.GetProperty("to").GetString()!,
            ["active"] = f.Number(current.GetProperty("active_members").GetInt32()),
            ["rate"] = f.Percent(current.GetProperty("activity_rate").GetDouble()),
            ["previous_active"] = f.Number(previous.GetProperty("active_members").GetInt32()),
            ["previous_rate"] = f.Percent(previous.GetProperty("activity_rate").GetDouble()),
            ["previous_from"] = previous.GetProperty("from").GetString()!,
            ["previous_to"] = previous.GetProperty("to").GetString()!,
            ["change"] = f.Change(r.GetProperty("active_members_change").GetInt32(), r.TryGetProperty("active_members_change_ratio", out var ratio) ? ratio.GetDouble() : null),
            ["gained"] = f.Number(r.GetProperty("gained").GetInt32()),
            ["lost"] = f.Number(r.GetProperty("lost").GetInt32()),
            ["events"] = f.Number(current.GetProperty("events").GetInt64()),
            ["previous_events"] = f.Number(previous.GetProperty("events").GetInt64()),
        });
        return r.TryGetProperty("action", out var action) ? text + " " + t.Render("trend_action", new Dictionary<string, string> { ["action"] = action.GetString()! }) : text;
    }

    private static string Lifecycle(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var periods = r.GetProperty("periods").EnumerateArray().ToList();
        string Average(string name) => f.Number(periods.Count == 0 ? 0 : Math.Round(periods.Average(p => p.GetProperty(name).GetInt32())));
        string Last(string name) => periods.Count == 0 ? "0" : f.Number(periods[^1].GetProperty(name).GetInt32());
        return t.Render("lifecycle", new Dictionary<string, string>
        {
            ["from"] = r.GetProperty("from").GetString()!,
            ["to"] = r.GetProperty("to").GetString()!,
            ["granularity"] = f.Granularity(r.GetProperty("granularity").GetString()!),
            ["new"] = Average("new"), ["returning"] = Average("returning"), ["resurrecting"] = Average("resurrecting"), ["dormant"] = Average("dormant"),
            ["last_new"] = Last("new"), ["last_returning"] = Last("returning"), ["last_resurrecting"] = Last("resurrecting"), ["last_dormant"] = Last("dormant"),
        });
    }

    private static string Retention(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var cohorts = r.GetProperty("cohorts").EnumerateArray().ToList();
        var complete = cohorts.Where(c => c.GetProperty("retained").GetArrayLength() > 1).ToList();
        var latest = complete.Count > 0 ? complete[^1] : cohorts.LastOrDefault();
        string Average(int months)
        {
            var values = cohorts.Where(c => c.GetProperty("retained").GetArrayLength() > months && c.GetProperty("size").GetInt32() > 0)
                .Select(c => c.GetProperty("retained")[months].GetDouble()).ToList();
            return values.Count == 0 ? "-" : f.Percent(values.Average());
        }
        return t.Render("retention", new Dictionary<string, string>
        {
            ["cohorts"] = f.Number(cohorts.Count),
            ["from"] = r.GetProperty("from").GetString()!,
            ["month"] = latest.ValueKind == JsonValueKind.Object ? latest.GetProperty("month").GetString()! : "-",
            ["size"] = latest.ValueKind == JsonValueKind.Object ? f.Number(latest.GetProperty("size").GetInt32()) : "0",
            ["retained_1"] = latest.ValueKind == JsonValueKind.Object && latest.GetProperty("retained").GetArrayLength() > 1 ? f.Percent(latest.GetProperty("retained")[1].GetDouble()) : "-",
            ["average_1"] = Average(1),
            ["average_3"] = Average(3),
        });
    }

    private static string Scores(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var text = new StringBuilder(t.Render("scores", new Dictionary<string, string>
        {
            ["inactive"] = f.Number(r.GetProperty("inactive_members").GetInt32()),
            ["threshold"] = f.Number(r.GetProperty("inactive_after_days").GetInt32()),
            ["active"] = f.Number(r.GetProperty("active_members").GetInt32()),
            ["never"] = f.Number(r.GetProperty("never_active_members").GetInt32()),
            ["matching"] = f.Number(r.GetProperty("matching").GetInt32()),
        }));
        var rank = 0;
        foreach (var member in r.GetProperty("members").EnumerateArray())
        {
            text.Append('\n').Append(t.Render("scores_row", new Dictionary<string, string>
            {
                ["rank"] = (++rank).ToString(CultureInfo.InvariantCulture),
                ["member"] = member.GetProperty("member_id").GetString()!,
                ["score"] = f.Number(member.GetProperty("score").GetDouble()),
                ["last_active"] = member.GetProperty("last_active").GetString()!,
                ["recency"] = f.Number(member.GetProperty("recency_days").GetInt32()),
                ["segment"] = member.GetProperty("segment").GetString()!,
                ["profile"] = member.GetProperty("profile").GetString()!,
            }));
        }
        return text.ToString();
    }

    private static string Segments(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var text = new StringBuilder(t.Render("segments", new Dictionary<string, string> { ["threshold"] = f.Number(r.GetProperty("inactive_after_days").GetInt32()) }));
        foreach (var segment in r.GetProperty("segments").EnumerateArray().Concat(r.GetProperty("saved").EnumerateArray()))
        {
            text.Append('\n').Append(t.Render("segments_row", new Dictionary<string, string>
            {
                ["segment"] = segment.GetProperty("name").GetString()!,
                ["members"] = f.Number(segment.GetProperty("members").GetInt32()),
                ["definition"] = segment.GetProperty("definition").GetString()!,
            }));
        }
        return text.ToString();
    }

    private static string Playbooks(AnswerTemplates t, JsonElement r)
    {
        var hits = r.GetProperty("playbooks").EnumerateArray().ToList();
        if (hits.Count == 0)
        {
            return t.Text("playbooks_none");
        }
        var text = new StringBuilder(t.Text("playbooks"));
        foreach (var hit in hits)
        {
            text.Append('\n').Append(t.Render("playbooks_row", new Dictionary<string, string>
            {
                ["title"] = hit.GetProperty("title").GetString()!,
                ["citation"] = hit.GetProperty("playbook_id").GetString() + ": " + hit.GetProperty("section").GetString(),
                ["excerpt"] = hit.GetProperty("excerpt").GetString()!,
            }));
        }
        return text.ToString();
    }

    private static string Campaign(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var variants = r.GetProperty("variants").EnumerateArray().ToList();
        var text = new StringBuilder(t.Render("campaign", new Dictionary<string, string>
        {
            ["segment"] = r.GetProperty("segment").GetString()! + (r.TryGetProperty("profile", out var p) ? " / " + p.GetString() : ""),
            ["audience"] = f.Number(r.GetProperty("audience").GetInt32()),
            ["variants"] = f.Number(variants.Count),
            ["group_size"] = GroupSizes(f, variants),
            ["holdout"] = f.Number(r.GetProperty("holdout").GetInt32()),
            ["goal_days"] = f.Number(r.GetProperty("goal_days").GetInt32()),
            ["baseline"] = f.Percent(r.GetProperty("baseline_rate").GetDouble()),
            ["mde"] = f.Number(Math.Round(r.GetProperty("minimum_detectable_effect").GetDouble() * 100, 1)),
            ["campaign_id"] = r.TryGetProperty("campaign_id", out var id) ? id.GetInt64().ToString(CultureInfo.InvariantCulture) : "?",
            ["version"] = r.TryGetProperty("version", out var version) ? version.GetInt32().ToString(CultureInfo.InvariantCulture) : "?",
        }));
        if (r.TryGetProperty("previous_wave", out var previous) && r.TryGetProperty("allocation", out var allocation))
        {
            text.Append(' ').Append(t.Render("campaign_wave", new Dictionary<string, string>
            {
                ["previous"] = previous.GetInt64().ToString(CultureInfo.InvariantCulture),
                ["allocation"] = Allocation(f, allocation),
            }));
        }
        foreach (var v in variants)
        {
            text.Append('\n').Append(t.Render("campaign_row", new Dictionary<string, string>
            {
                ["name"] = v.GetProperty("name").GetString()!,
                ["need"] = v.GetProperty("need").GetString()!,
                ["channel"] = v.GetProperty("channel").GetString()!,
                ["playbook"] = v.GetProperty("playbook_id").GetString()!,
                ["size"] = f.Number(v.GetProperty("group_size").GetInt32()),
                ["subject"] = v.GetProperty("subject").GetString()!,
            }));
        }
        return text.ToString();
    }

    private static string CampaignStatus(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var c = r.GetProperty("campaign");
        var delivery = c.GetProperty("delivery");
        var groups = string.Join(", ", c.GetProperty("groups").EnumerateObject().OrderBy(g => g.Name == "holdout").ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => $"{g.Name} {f.Number(g.Value.GetInt32())}"));
        var text = new StringBuilder(t.Render("campaign_status", new Dictionary<string, string>
        {
            ["campaign_id"] = c.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
            ["name"] = c.GetProperty("name").GetString()!,
            ["state"] = t.Text("state_" + c.GetProperty("state").GetString()),
            ["version"] = c.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["audience"] = f.Number(c.GetProperty("audience").GetInt32()),
            ["groups"] = groups,
            ["sent"] = f.Number(delivery.GetProperty("sent").GetInt32()),
            ["pending"] = f.Number(delivery.GetProperty("pending").GetInt32() + delivery.GetProperty("sending").GetInt32()),
            ["skipped"] = f.Number(delivery.GetProperty("skipped").GetInt32()),
            ["failed"] = f.Number(delivery.GetProperty("failed").GetInt32()),
        }));
        if (c.TryGetProperty("decided_by", out var by) && c.TryGetProperty("decided_at", out var at))
        {
            text.Append(' ').Append(t.Render("campaign_decision", new Dictionary<string, string>
            {
                ["by"] = by.GetString()!,
                ["at"] = at.GetDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            }));
        }
        return text.ToString();
    }

    private static string CampaignResults(AnswerTemplates t, Formatter f, JsonElement r)
    {
        var groups = r.GetProperty("groups").EnumerateArray().ToList();
        var holdout = groups.First(g => g.GetProperty("group").GetString() == "holdout");
        var text = new StringBuilder(t.Render("campaign_results", new Dictionary<string, string>
        {
            ["campaign_id"] = r.GetProperty("campaign_id").GetInt64().ToString(CultureInfo.InvariantCulture),
            ["name"] = r.GetProperty("name").GetString()!,
            ["state"] = t.Text("state_" + r.GetProperty("state").GetString()),
            ["goal_days"] = f.Number(r.GetProperty("goal_days").GetInt32()),
            ["holdout_rate"] = f.Percent(holdout.GetProperty("rate").GetDouble()),
            ["holdout_returned"] = f.Number(holdout.GetProperty("returned").GetInt32()),
            ["holdout_size"] = f.Number(holdout.GetProperty("assigned").GetInt32()),
        }));
        foreach (var g in groups.Where(g => g.GetProperty("group").GetString() != "holdout"))
        {
            text.Append('\n').Append(t.Render("campaign_results_row", new Dictionary<string, string>
            {
                ["group"] = g.GetProperty("group").GetString()!,
                ["need"] = g.TryGetProperty("need", out var need) ? need.GetString()! : "",
                ["rate"] = f.Percent(g.GetProperty("rate").GetDouble()),
                ["returned"] = f.Number(g.GetProperty("returned").GetInt32()),
                ["assigned"] = f.Number(g.GetProperty("assigned").GetInt32()),
                ["uplift"] = g.TryGetProperty("uplift", out var uplift) ? f.Signed(Math.Round(uplift.GetDouble() * 100, 1)) : "-",
                ["p_value"] = g.TryGetProperty("p_value", out var p) ? f.Decimal(p.GetDouble(), 3) : "-",
                ["p_beat"] = g.TryGetProperty("probability_to_beat_holdout", out var beat) ? f.Percent(beat.GetDouble()) : "-",
            }));
        }
        foreach (var warning in r.GetProperty("warnings").EnumerateArray())
        {
            text.Append('\n').Append(t.Render("warning_" + warning.GetProperty("code").GetString(),
                new Dictionary<string, string> { ["value"] = warning.GetProperty("value").GetString()! }));
        }
        if (r.GetProperty("next_wave").GetArrayLength() > 0)
        {
            text.Append('\n').Append(t.Render("campaign_next_wave", new Dictionary<string, string> { ["allocation"] = Allocation(f, r.GetProperty("next_wave")) }));
        }
        text.Append('\n').Append(t.Render("campaign_files", new Dictionary<string, string>
        {
            ["chart_url"] = r.GetProperty("artifacts")[0].GetProperty("url").GetString()!,
            ["table_url"] = r.GetProperty("artifacts")[1].GetProperty("url").GetString()!,
        }));
        return text.ToString();
    }

    /// <summary>"learner: B 62%, A 25%, C 13%; contributor: ..." from wave allocation rows.</summary>
    private static string Allocation(Formatter f, JsonElement rows) =>
        string.Join("; ", rows.EnumerateArray().GroupBy(a => a.GetProperty("profile").GetString()!)
            .Select(p => $"{p.Key}: " + string.Join(", ", p.OrderByDescending(a => a.GetProperty("share").GetDouble())
                .Select(a => $"{a.GetProperty("variant").GetString()} {f.Percent(a.GetProperty("share").GetDouble())}"))));

    /// <summary>"83" when the variant groups are equal, "83-84" when the stratified split leaves them a member apart.</summary>
    private static string GroupSizes(Formatter f, List<JsonElement> variants)
    {
        if (variants.Count == 0)
        {
            return "0";
        }
        var sizes = variants.Select(v => v.GetProperty("group_size").GetInt32()).ToList();
        return sizes.Min() == sizes.Max() ? f.Number(sizes[0]) : $"{f.Number(sizes.Min())}-{f.Number(sizes.Max())}";
    }

    private static Dictionary<string, string> Values(Formatter f, JsonElement r, params string[] names) =>
        names.Select(n => n.Split(':')).ToDictionary(
            n => n.Length > 1 ? n[1] : n[0],
            n => r.GetProperty(n[0]) is var v && v.ValueKind == JsonValueKind.Number ? f.Number(v.GetDouble()) : v.ToString());

    /// <summary>Numbers, percentages and changes written the manager's way.</summary>
    private sealed class Formatter(CultureInfo culture, string language)
    {
        public string Number(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "N1", culture);

        public string Signed(double value) => (value > 0 ? "+" : "") + value.ToString("0.#", culture);

        public string Decimal(double value, int digits) => value.ToString("0." + new string('#', digits), culture);

        public string Percent(double ratio) => (ratio * 100).ToString("0.#", culture) + (language == "fr" ? " %" : "%");

        public string Change(int change, double? ratio) =>
            (change >= 0 ? "+" : "") + Number(change) + (ratio is { } r ? $" ({(r >= 0 ? "+" : "")}{Percent(r)})" : "");

        public string Granularity(string granularity) => (language, granularity) switch
        {
            ("fr", "day") => "jour", ("fr", "week") => "semaine", ("fr", "month") => "mois",
            ("it", "day") => "giorno", ("it", "week") => "settimana", ("it", "month") => "mese",
            _ => granularity,
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Outcomes;

namespace Actionlytics.Server.Teams;

/// <summary>
/// The Adaptive Cards (schema 1.5) the bot sends: an answer with its figures, the playbooks it cites, and a
/// campaign's approval card with Approve / Reject as <c>Action.Execute</c> carrying the campaign id and the exact
/// version. TextBlocks render a subset of Markdown (links, emphasis): text members wrote goes through <see cref="Literal"/>.
/// </summary>
public static partial class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string ApproveVerb = "approveCampaign";
    public const string RejectVerb = "rejectCampaign";
    public const string RefreshVerb = "refreshCampaign";

    /// <summary>
    /// Teams runs <c>Action.Execute</c> (Universal Actions: the click comes back as an invoke and the card can refresh);
    /// other Bot Framework channels, Web Chat over Direct Line among them, only post back <c>Action.Submit</c> data.
    /// </summary>
    public static bool RunsUniversalActions(string? channelId) => string.Equals(channelId, "msteams", StringComparison.OrdinalIgnoreCase);

    /// <summary>Channels that let a bot replace a message it sent (Direct Line answers 405 to an update).</summary>
    public static bool UpdatesMessages(string? channelId) => channelId is "msteams" or "emulator";

    private static JsonObject Card(params JsonNode?[] body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(body),
    };

    private static JsonObject Text(string text, string? weight = null, string? size = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }
        if (size is not null)
        {
            block["size"] = size;
        }
        if (subtle)
        {
            block["isSubtle"] = true;
        }
        return block;
    }

    private static JsonObject Facts(params (string Title, string Value)[] facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    private static JsonObject Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        JsonObject Row(IEnumerable<string> cells) => new()
        {
            ["type"] = "TableRow",
            ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(Text(c)) })]),
        };
        return new JsonObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["columns"] = new JsonArray([.. headers.Select(_ => (JsonNode)new JsonObject { ["width"] = 1 })]),
            ["rows"] = new JsonArray([Row(headers), .. rows.Select(r => (JsonNode)Row(r))]),
        };
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>A link a card shows: a chart image to fetch, or a file to download.</summary>
    public sealed record Link(string Title, string Url);

    /// <summary>
    /// What an answer shows besides its text, labelled as AI-generated: its key figures, the ranked members (their
    /// names are the members' own text, escaped so that it stays text), the charts as images, and the exports as
    /// download buttons.
    /// </summary>
    public static JsonObject Answer(
        IReadOnlyList<(string Title, string Value)> figures, IReadOnlyList<IReadOnlyList<string>>? rankedMembers, IReadOnlyList<Link> charts, IReadOnlyList<Link> downloads)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(downloads);
        var body = new List<JsonNode?> { Text("AI-generated", weight: "Bolder", size: "Small", subtle: true) };
        if (figures.Count > 0)
        {
            body.Add(Facts([.. figures]));
        }
        if (rankedMembers is { Count: > 0 })
        {
            body.Add(Text("Highest reactivation scores", weight: "Bolder"));
            body.Add(Table(["Member", "Score", "Last active", "Segment"], rankedMembers.Select(r => (IReadOnlyList<string>)[Literal(r[0]), .. r.Skip(1)])));
        }
        body.AddRange(charts.Select(c => (JsonNode)new JsonObject { ["type"] = "Image", ["url"] = c.Url, ["altText"] = c.Title, ["size"] = "Stretch" }));
        var card = Card([.. body]);
        if (downloads.Count > 0)
        {
            card["actions"] = new JsonArray([.. downloads.Select(d => (JsonNode)new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Download " + d.Title, ["url"] = d.Url })]);
        }
        return card;
    }

    /// <summary>Text shown as typed: TextBlocks render Markdown (links, emphasis), so its inline marks are escaped.</summary>
    public static string Literal(string text) => MarkdownMarks().Replace(text ?? "", @"\$0");

    [System.Text.RegularExpressions.GeneratedRegex(@"[\\`*_\[\]<>]")]
    private static partial System.Text.RegularExpressions.Regex MarkdownMarks();

    /// <summary>
    /// A concluded campaign's results: each group's return rate with its 95% credible interval, the uplift over the
    /// holdout and the probability to beat it, the warnings, and the chart when it can be linked.
    /// </summary>
    public static JsonObject Results(CampaignResultsView results, string? chartUrl)
    {
        ArgumentNullException.ThrowIfNull(results);
        var campaign = results.Campaign;
        var body = new List<JsonNode?>
        {
            Text("AI-generated summary of measured results", weight: "Bolder", size: "Small", subtle: true),
            Text($"Campaign {campaign.Id}: {campaign.Name}", weight: "Bolder", size: "Medium"),
            Text($"The goal window ({campaign.GoalDays} days, {campaign.GoalAction ?? "any action"}) has closed. Members are counted in the group they were assigned to.", subtle: true),
            Table(["Group", "Returned", "Return rate (95% CI)", "Uplift", "Beats holdout"], results.Analysis.Groups.Select(g => (IReadOnlyList<string>)[
                g.Need is null ? g.Group : $"{g.Group} ({g.Need})",
                $"{g.Returned.ToString("N0", CultureInfo.InvariantCulture)} of {g.Assigned.ToString("N0", CultureInfo.InvariantCulture)}",
                $"{Percent(g.Rate)} ({Percent(g.RateLow)} to {Percent(g.RateHigh)})",
                g.Uplift is { } uplift ? (uplift >= 0 ? "+" : "") + (uplift * 100).ToString("F1", CultureInfo.InvariantCulture) + " pts" : "",
                g.ProbabilityToBeatHoldout is { } beat ? Percent(beat) : ""])),
        };
        body.AddRange(results.Analysis.Warnings.Select(w => (JsonNode)Text(w.Message, subtle: true)));
        if (chartUrl is not null)
        {
            body.Add(new JsonObject { ["type"] = "Image", ["url"] = chartUrl, ["altText"] = $"Chart: return rate per group of campaign {campaign.Id}", ["size"] = "Stretch" });
        }
        return Card([.. body]);
    }

    /// <summary>The playbooks an answer cites: title and section, with the excerpt folded behind a toggle.</summary>
    public static JsonObject Citations(IReadOnlyList<(string Title, string Section, string Excerpt)> citations)
    {
        var body = new List<JsonNode?> { Text("Sources (playbooks)", weight: "Bolder") };
        for (var i = 0; i < citations.Count; i++)
        {
            var (title, section, excerpt) = citations[i];
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.ToggleVisibility", ["title"] = $"{title}: {section}", ["targetElements"] = new JsonArray($"excerpt{i}") }),
            });
            var block = Text(excerpt, subtle: true);
            block["id"] = $"excerpt{i}";
            block["isVisible"] = false;
            body.Add(block);
        }
        return Card([.. body]);
    }

    /// <summary>
    /// A campaign as its approvers see it. Pending: Approve / Reject bound to this version (as <c>Action.Execute</c>
    /// with a refresh where <paramref name="universalActions"/>, else <c>Action.Submit</c> with the same data).
    /// Decided: who decided and when, no buttons.
    /// </summary>
    /// <param name="deciderName">The decider's display name where known (their Teams name), else their user id is shown.</param>
    public static JsonObject Campaign(CampaignView campaign, bool universalActions, string? notice = null, string? deciderName = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var body = new List<JsonNode?>
        {
            Text("AI-generated proposal", weight: "Bolder", size: "Small", subtle: true),
            Text($"Campaign {campaign.Id}: {campaign.Name}", weight: "Bolder", size: "Medium"),
            Facts(
                ("Audience", $"{campaign.Audience:N0} members of {campaign.Segment}" + (campaign.Profile is null ? "" : $" ({campaign.Profile})")),
                ("Channel", campaign.Channel),
                ("Holdout", Percent(campaign.HoldoutShare)),
                ("Baseline return", Percent(campaign.BaselineRate)),
                ("Minimum detectable effect", Percent(campaign.MinimumDetectableEffect)),
                ("Version", $"{campaign.Version.ToString(CultureInfo.InvariantCulture)}, {campaign.State.Replace('_', ' ')}")),
            Table(["Variant", "Need", "Group", "Subject"],
                campaign.Variants.Select(v => (IReadOnlyList<string>)[v.Name, v.Need, v.GroupSize.ToString("N0", CultureInfo.InvariantCulture), v.Subject])),
        };
        if (campaign.DecidedBy is not null && campaign.DecidedAt is { } at)
        {
            var verb = campaign.State == "rejected" ? "Rejected" : "Approved";
            body.Add(Text($"{verb} by {Literal(deciderName ?? campaign.DecidedBy)} at {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", weight: "Bolder"));
        }
        if (notice is not null)
        {
            body.Add(Text(notice, subtle: true));
        }
        var card = Card([.. body]);
        if (campaign.State == "pending_approval")
        {
            JsonObject Data(string verb) => new() { ["campaignId"] = campaign.Id, ["version"] = campaign.Version, ["verb"] = verb };
            JsonObject Button(string title, string verb, string style)
            {
                var button = new JsonObject { ["type"] = universalActions ? "Action.Execute" : "Action.Submit", ["title"] = title, ["data"] = Data(verb), ["style"] = style };
                if (universalActions)
                {
                    button["verb"] = verb; // Action.Submit has no verb: its data carries it
                }
                return button;
            }
            card["actions"] = new JsonArray(Button($"Approve version {campaign.Version}", ApproveVerb, "positive"), Button("Reject", RejectVerb, "destructive"));
            if (universalActions)
            {
                card["refresh"] = new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Refresh", ["verb"] = RefreshVerb, ["data"] = Data(RefreshVerb) },
                };
            }
        }
        return card;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Tools;

namespace Actionlytics.Server.Teams;

/// <summary>
/// An agent's answer as a Bot Framework reply: the text (with this server's absolute links), a card with what the
/// web chat would draw (key figures, ranked members, charts, exports), and the playbooks it cites.
/// </summary>
public sealed partial class TeamsAnswers(TeamsMediaLinks mediaLinks, ILogger<TeamsAnswers> logger)
{
    /// <summary>The reply carrying the answer of <paramref name="turn"/>.</summary>
    public BotActivity Compose(BotActivity reply, TurnResult turn)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(turn);
        // The answer's artifact links are relative to the web chat: Teams gets absolute ones (images signed).
        var links = turn.Artifacts.Select(a => (Artifact: a, Url: mediaLinks.LinkTo(a.Id, a.FileName, a.MediaType))).Where(l => l.Url is not null).Select(l => (l.Artifact, Url: l.Url!)).ToList();
        var text = OwnLinksOnly(links.Aggregate(turn.Answer, (answerText, l) => answerText.Replace(l.Artifact.Url, l.Url, StringComparison.Ordinal)));
        if (turn.Reading is { } reading)
        {
            text += "\n\n_" + reading + "_";
        }
        var cards = new List<BotAttachment>();
        try
        {
            if (AnswerCard(turn, links) is { } answer)
            {
                cards.Add(new BotAttachment(AdaptiveCards.ContentType, answer));
            }
            var citations = turn.Results<PlaybooksResult>().SelectMany(r => r.Playbooks).Select(h => (h.Title, h.Section, h.Excerpt)).ToList();
            if (citations.Count > 0)
            {
                cards.Add(new BotAttachment(AdaptiveCards.ContentType, AdaptiveCards.Citations(citations)));
            }
        }
        catch (InvalidOperationException e)
        {
            // A card the Adaptive Cards model refuses: the answer still goes out, as text.
            logger.LogWarning(e, "Could not build the answer's cards");
        }
        return reply with
        {
            Text = text,
            TextFormat = "markdown",
            Attachments = cards.Count > 0 ? cards : null,
            SuggestedActions = turn.Suggestions.Count > 0 ? new SuggestedActions([.. turn.Suggestions.Select(s => new CardAction("imBack", s, s))]) : null,
        };
    }

    /// <summary>
    /// Markdown links of the answer that lead elsewhere than this server become their text: answers repeat members'
    /// own words (display names), which must not turn into links in the bot's voice.
    /// </summary>
    private string OwnLinksOnly(string markdown)
    {
        var origin = mediaLinks.Origin;
        return MarkdownLink().Replace(markdown, m =>
            origin is not null && m.Groups["url"].Value.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase) ? m.Value : m.Groups["text"].Value);
    }

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<url>[^)\s]*)\)")]
    private static partial Regex MarkdownLink();

    /// <summary>The ranked members of the last scoring, the charts and the exports of a turn, when it has any.</summary>
    private static JsonObject? AnswerCard(TurnResult turn, IReadOnlyList<(ArtifactInfo Artifact, string Url)> linked)
    {
        var scores = turn.Results<ScoresResult>().LastOrDefault();
        var ranked = scores?.Members.Take(10)
            .Select(m => (IReadOnlyList<string>)[
                m.DisplayName is { Length: > 0 } shown ? shown : m.MemberId,
                m.Score.ToString("F1", CultureInfo.InvariantCulture),
                m.LastActive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                m.Segment.Replace('_', ' ')])
            .ToList();
        var charts = linked.Where(l => l.Artifact.MediaType.StartsWith("image/", StringComparison.Ordinal)).Select(l => new AdaptiveCards.Link(l.Artifact.Title, l.Url)).ToList();
        var downloads = linked.Where(l => !l.Artifact.MediaType.StartsWith("image/", StringComparison.Ordinal)).Select(l => new AdaptiveCards.Link(l.Artifact.Title, l.Url)).ToList();
        var figures = scores is { } s
            ? new List<(string, string)>
            {
                ("Inactive members", string.Create(CultureInfo.InvariantCulture, $"{s.InactiveMembers:N0} (no activity for {s.InactiveAfterDays} days)")),
                ("Active members", s.ActiveMembers.ToString("N0", CultureInfo.InvariantCulture)),
                ("Matching the question", s.Matching.ToString("N0", CultureInfo.InvariantCulture)),
                ("As of", s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            }
            : [];
        return ranked is { Count: > 0 } || charts.Count > 0 || downloads.Count > 0 ? AdaptiveCards.Answer(figures, ranked, charts, downloads) : null;
    }
}

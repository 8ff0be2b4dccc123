using Actionlytics.Core.Analytics;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Conversations;
using Actionlytics.Knowledge;
using Actionlytics.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tools;

/// <summary>
/// Drafts a campaign proposal: the audience from a segment (or a saved one), one variant per need from the playbooks'
/// example messages, groups with a holdout, the baseline return rate measured on the same kind of members in the past,
/// and the smallest uplift the test could detect. Nothing is saved: the proposal is for the manager to approve.
/// </summary>
internal sealed class CampaignDrafter(ToolScope scope, PlaybookKnowledge knowledge, InactivityScorer scorer)
{
    public const double HoldoutShare = 0.10;

    /// <summary>Drafts show the split a campaign made from them would use; issue 6's campaigns carry their own seed.</summary>
    public const int AssignmentSeed = 1;

    private static readonly string[] NeedOrder = ["competence", "relatedness", "autonomy"];

    public async Task<CampaignProposal> DraftAsync(CampaignArguments a, CancellationToken ct)
    {
        var variantCount = a.Variants ?? 3;
        if (variantCount is < 2 or > 8)
        {
            throw new ToolArgumentException("A campaign has 2 to 8 variants.");
        }
        var goalDays = a.GoalDays ?? 14;
        if (goalDays is < 1 or > 90)
        {
            throw new ToolArgumentException("goal_days is between 1 and 90.");
        }
        var channel = a.Channel ?? "email";
        if (channel is not ("email" or "teams" or "webhook"))
        {
            throw new ToolArgumentException($"Unknown channel '{channel}': use email, teams or webhook.");
        }
        if (a.Need is not null && !NeedOrder.Contains(a.Need))
        {
            throw new ToolArgumentException($"Unknown need '{a.Need}': use autonomy, competence or relatedness.");
        }

        var analytics = scope.Services.GetRequiredService<CommunityAnalytics>();
        var saved = a.Segment is null ? null : await scope.Services.GetRequiredService<SavedSegmentStore>().FindAsync(scope.Community.Id, a.Segment, ct);
        if (a.Segment is not null && saved is null && !scorer.Segments.Names.Contains(a.Segment))
        {
            throw new ToolArgumentException($"Unknown segment '{a.Segment}': use {string.Join(", ", scorer.Segments.Names)} or a saved segment's name.");
        }
        if (a.Profile is not null && !scorer.Profiles.Names.Contains(a.Profile))
        {
            throw new ToolArgumentException($"Unknown profile '{a.Profile}': use {string.Join(", ", scorer.Profiles.Names)}.");
        }

        // A saved segment is scored with the threshold it was selected with; its members active again since are left out.
        var threshold = saved?.InactiveAfterDays;
        var now = await analytics.ScoreAsync(scope.Community.Slug, null, null, threshold, null, ct);
        var savedIds = saved is null ? null : System.Text.Json.JsonSerializer.Deserialize<HashSet<string>>(saved.MemberIdsJson) ?? [];
        bool Fits(MemberScore m) => (savedIds is null ? a.Segment is null || m.Segment == a.Segment : savedIds.Contains(m.MemberId))
            && (a.Profile is null || m.Profile == a.Profile);
        var audience = Members(now).Where(Fits).ToList();
        if (audience.Count == 0)
        {
            throw new ToolArgumentException("No inactive member matches that segment and profile today: nothing to draft.");
        }

        // The baseline: the same kind of members goal_days ago, and how many of them came back on their own since.
        var past = await analytics.ScoreAsync(scope.Community.Slug, now.Parameters.AsOf.AddDays(-goalDays), null, threshold, null, ct);
        var stillInactive = Members(now).ToDictionary(m => m.MemberId, m => m.LastActiveDate);
        var pastAudience = Members(past).Where(Fits).ToList();
        var returned = pastAudience.Count(m => !stillInactive.TryGetValue(m.MemberId, out var last) || last > past.Parameters.AsOf);
        var baseline = pastAudience.Count == 0 ? 0 : (double)returned / pastAudience.Count;

        // The split the campaign would use: seeded and stratified by score band and profile.
        var groups = Core.Campaigns.GroupAssignment.Assign([.. audience.Select(m => new Core.Campaigns.CampaignCandidate(m.MemberId, m.Score, m.Profile))], variantCount, HoldoutShare, AssignmentSeed)
            .Values.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var holdout = groups.GetValueOrDefault(Core.Campaigns.GroupAssignment.Holdout);
        var smallest = Enumerable.Range(0, variantCount).Min(i => groups.GetValueOrDefault(((char)('A' + i)).ToString()));
        var mde = Core.Campaigns.ExperimentStatistics.MinimumDetectableEffect(baseline, smallest, holdout);

        var variants = await VariantsAsync(variantCount, a.Need, channel, a.Segment, a.Profile, groups, ct);
        var activeAgain = savedIds is null ? (int?)null : savedIds.Count - Members(now).Count(m => savedIds.Contains(m.MemberId));
        return new CampaignProposal(a.Segment ?? "all_inactive", a.Profile, audience.Count, holdout, goalDays,
            AgentToolbox.Round(baseline), AgentToolbox.Round(mde), variants, audience.Take(5).Select(m => m.MemberId).ToList())
        {
            SavedMembersActiveAgain = activeAgain,
        };
    }

    private static IEnumerable<MemberScore> Members(ScoringResult scoring)
    {
        for (var i = 0; i < scoring.Inactive.Count; i++)
        {
            yield return scoring.Inactive[i];
        }
    }

    private async Task<List<CampaignVariant>> VariantsAsync(int count, string? need, string channel, string? segment, string? profile, IReadOnlyDictionary<string, int> groups, CancellationToken ct)
    {
        var playbookChannel = channel == "webhook" ? "in_platform" : channel;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var variants = new List<CampaignVariant>();
        for (var i = 0; i < count; i++)
        {
            var variantNeed = need ?? NeedOrder[i % NeedOrder.Length];
            var query = $"message to invite {segment?.Replace('_', ' ') ?? "inactive"} {profile ?? ""} members back, {variantNeed}";
            // Playbooks written for this segment and profile first; any playbook of the need and channel otherwise.
            var fitting = new SearchFilter(variantNeed, playbookChannel,
                profile is not null && Knowledge.Playbooks.PlaybookVocabulary.Profiles.Contains(profile) ? profile : null,
                segment is not null && Knowledge.Playbooks.PlaybookVocabulary.Segments.Contains(segment) ? segment : null);
            var hits = await knowledge.SearchAsync(query, fitting, 20, RankingMode.Hybrid, ct);
            if (!hits.Any(h => !used.Contains(h.PlaybookId) && Example(h.PlaybookId) is not null))
            {
                hits = await knowledge.SearchAsync(query, new SearchFilter(variantNeed, playbookChannel), 20, RankingMode.Hybrid, ct);
            }
            var hit = hits.FirstOrDefault(h => !used.Contains(h.PlaybookId) && Example(h.PlaybookId) is not null)
                ?? hits.FirstOrDefault(h => Example(h.PlaybookId) is not null)
                ?? throw new ToolArgumentException($"No playbook with an example message serves {variantNeed} on {channel}.");
            used.Add(hit.PlaybookId);
            var playbook = knowledge.Library.Find(hit.PlaybookId)!;
            var (subject, body) = Example(hit.PlaybookId)!.Value;
            var name = ((char)('A' + i)).ToString();
            variants.Add(new CampaignVariant(name, variantNeed, channel, playbook.Tone, playbook.Id, hit.Citation, subject, body, groups.GetValueOrDefault(name)));
        }
        return variants;
    }

    /// <summary>The playbook's English example message: its subject line and body.</summary>
    private (string Subject, string Body)? Example(string playbookId)
    {
        var text = knowledge.Library.Find(playbookId)?.Section("Example message (English)")?.Text;
        if (text is null)
        {
            return null;
        }
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var subjectLine = lines.FirstOrDefault(l => l.TrimStart('*', ' ').StartsWith("Subject:", StringComparison.Ordinal));
        if (subjectLine is null)
        {
            return null;
        }
        var subject = subjectLine.TrimStart('*', ' ')["Subject:".Length..].Trim().Trim('*').Trim();
        var body = string.Join('\n', lines.SkipWhile(l => l != subjectLine).Skip(1)).Trim();
        return (subject, body);
    }
}

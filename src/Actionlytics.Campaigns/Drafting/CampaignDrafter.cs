using System.Text.Json;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Conversations;
using Actionlytics.Knowledge;
using Actionlytics.Knowledge.Search;

namespace Actionlytics.Campaigns.Drafting;

/// <summary>
/// Drafts a campaign: the audience from a segment (or a saved one), one variant per need from the playbooks' example
/// messages (English and French), groups with a holdout, the baseline return rate measured on the same kind of members
/// in the past, and the smallest uplift the test could detect. Nothing is saved here: see <see cref="CampaignService"/>.
/// </summary>
public sealed class CampaignDrafter(CommunityAnalytics analytics, SavedSegmentStore savedSegments, PlaybookKnowledge knowledge, InactivityScorer scorer)
{
    /// <summary>The seed proposals use when none is given; a saved campaign keeps the seed it was drafted with.</summary>
    public const int DefaultSeed = 1;

    private static readonly string[] NeedOrder = ["competence", "relatedness", "autonomy"];

    private static readonly (string Language, string Heading, string SubjectLabel)[] ExampleSections =
    [
        ("en", "Example message (English)", "Subject"),
        ("fr", "Example message (French)", "Objet"),
    ];

    /// <summary>Drafts a campaign; with <paramref name="wave"/>, the next wave of a sent one (its settings and variants, new members, Thompson shares).</summary>
    public async Task<CampaignDraft> DraftAsync(Community community, CampaignRequest request, int seed, CancellationToken ct, NextWave? wave = null)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(request);
        if (wave is not null)
        {
            var previous = wave.Previous;
            request = request with
            {
                // Another segment may be named (the same messages for the next members to lapse, say); else the same one.
                Segment = request.Segment ?? (previous.Segment == "all_inactive" ? null : previous.Segment),
                Profile = request.Profile ?? previous.Profile,
                Variants = previous.Variants.Count,
                Need = null,
                Channel = previous.Channel.ToString().ToLowerInvariant(),
                GoalDays = previous.GoalDays,
                GoalAction = previous.GoalAction,
                HoldoutShare = previous.HoldoutShare,
            };
        }
        var variantCount = request.Variants ?? 3;
        if (variantCount is < 2 or > 8)
        {
            throw new CampaignArgumentException("A campaign has 2 to 8 variants.");
        }
        var goalDays = request.GoalDays ?? 14;
        if (goalDays is < 1 or > 90)
        {
            throw new CampaignArgumentException("goal_days is between 1 and 90.");
        }
        var holdoutShare = request.HoldoutShare ?? Campaign.DefaultHoldoutShare;
        if (holdoutShare is < 0 or > 0.5)
        {
            throw new CampaignArgumentException("The holdout share is between 0 and 0.5 (default 0.1).");
        }
        var channelName = request.Channel ?? "email";
        if (!Enum.TryParse<DeliveryChannel>(channelName, ignoreCase: true, out var channel) || int.TryParse(channelName, out _))
        {
            throw new CampaignArgumentException($"Unknown channel '{channelName}': use email, teams or webhook.");
        }
        if (request.Need is not null && !NeedOrder.Contains(request.Need))
        {
            throw new CampaignArgumentException($"Unknown need '{request.Need}': use autonomy, competence or relatedness.");
        }
        if (request.GoalAction is not null && !ActionNames.IsValid(request.GoalAction))
        {
            throw new CampaignArgumentException($"'{request.GoalAction}' is not an action name (letters, digits and _ only).");
        }

        var saved = request.Segment is null ? null : await savedSegments.FindAsync(community.Id, request.Segment, ct);
        if (request.Segment is not null && saved is null && !scorer.Segments.Names.Contains(request.Segment))
        {
            throw new CampaignArgumentException($"Unknown segment '{request.Segment}': use {string.Join(", ", scorer.Segments.Names)} or a saved segment's name.");
        }
        if (request.Profile is not null && !scorer.Profiles.Names.Contains(request.Profile))
        {
            throw new CampaignArgumentException($"Unknown profile '{request.Profile}': use {string.Join(", ", scorer.Profiles.Names)}.");
        }

        // A saved segment is scored with the threshold it was selected with; its members active again since are left out.
        var threshold = saved?.InactiveAfterDays;
        var now = await analytics.ScoreAsync(community.Slug, null, null, threshold, null, ct);
        var savedIds = saved is null ? null : JsonSerializer.Deserialize<HashSet<string>>(saved.MemberIdsJson) ?? [];
        bool Fits(MemberScore m) => (savedIds is null ? request.Segment is null || m.Segment == request.Segment : savedIds.Contains(m.MemberId))
            && (request.Profile is null || m.Profile == request.Profile);
        var audience = Members(now).Where(Fits).Where(m => wave is null || !wave.Reached.Contains(m.MemberId)).ToList();
        if (audience.Count == 0)
        {
            throw new CampaignArgumentException(wave is null
                ? "No inactive member matches that segment and profile today: nothing to draft."
                : $"Every inactive member of that segment today was already in campaign {wave.Previous.Id}: there is no one for a next wave.");
        }

        // The baseline: the same kind of members goal_days ago, and how many of them came back on their own since.
        var past = await analytics.ScoreAsync(community.Slug, now.Parameters.AsOf.AddDays(-goalDays), null, threshold, null, ct);
        var stillInactive = Members(now).ToDictionary(m => m.MemberId, m => m.LastActiveDate);
        var pastAudience = Members(past).Where(Fits).ToList();
        var returned = pastAudience.Count(m => !stillInactive.TryGetValue(m.MemberId, out var last) || last > past.Parameters.AsOf);
        var baseline = pastAudience.Count == 0 ? 0 : (double)returned / pastAudience.Count;

        // Seeded and stratified by score band and profile.
        var candidates = audience.Select(m => new CampaignCandidate(m.MemberId, m.Score, m.Profile)).ToList();
        var assignment = wave is null
            ? GroupAssignment.Assign(candidates, variantCount, holdoutShare, seed)
            : GroupAssignment.Assign(candidates, variantCount, holdoutShare, seed, profile => wave.SharesFor(profile));
        var groups = assignment.Values.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var holdout = groups.GetValueOrDefault(GroupAssignment.Holdout);
        var smallest = Enumerable.Range(0, variantCount).Min(i => groups.GetValueOrDefault(VariantName(i)));
        var mde = holdout == 0 ? 1 : ExperimentStatistics.MinimumDetectableEffect(baseline, smallest, holdout);

        var (specs, proposed) = wave is null
            ? await VariantsAsync(variantCount, request.Need, channel, request.Segment, request.Profile, groups, ct)
            : (wave.Previous.Variants.ToList(), wave.Previous.Variants.Select(v => new ProposedVariant(v.Name, v.Need, channel.ToString().ToLowerInvariant(), v.Tone,
                v.PlaybookIds[0], $"[{v.PlaybookIds[0]}: Example message (English)]", v.Messages["en"].Subject, v.Messages["en"].Body, groups.GetValueOrDefault(v.Name))).ToList());
        var activeAgain = savedIds is null ? (int?)null : savedIds.Count - Members(now).Count(m => savedIds.Contains(m.MemberId));
        var proposal = new CampaignProposal(request.Segment ?? "all_inactive", request.Profile, audience.Count, holdout, goalDays,
            Math.Round(baseline, 4), Math.Round(mde, 4), proposed, audience.Take(5).Select(m => m.MemberId).ToList())
        {
            SavedMembersActiveAgain = activeAgain,
            PreviousWave = wave?.Previous.Id,
            Allocation = wave?.Allocation,
        };
        return new CampaignDraft(proposal, channel, request.GoalAction, holdoutShare, seed, specs,
            audience.Select(m => (m, assignment[m.MemberId])).ToList());
    }

    /// <summary>A next wave's basis: the sent campaign, its members (not contacted again), and the Thompson allocation from its results.</summary>
    public sealed record NextWave(Campaign Previous, IReadOnlySet<string> Reached, IReadOnlyList<WaveAllocation> Allocation)
    {
        /// <summary>The profile's shares in variant order; null (equal shares) for a profile the previous wave did not reach.</summary>
        public IReadOnlyList<double>? SharesFor(string profile)
        {
            var rows = Allocation.Where(a => a.Profile == profile).ToDictionary(a => a.Variant, a => a.Share);
            return rows.Count == 0 ? null : Previous.Variants.Select(v => rows.GetValueOrDefault(v.Name)).ToList();
        }
    }

    public static string VariantName(int index) => ((char)('A' + index)).ToString();

    private static IEnumerable<MemberScore> Members(ScoringResult scoring)
    {
        for (var i = 0; i < scoring.Inactive.Count; i++)
        {
            yield return scoring.Inactive[i];
        }
    }

    private async Task<(List<CampaignVariantSpec>, List<ProposedVariant>)> VariantsAsync(
        int count, string? need, DeliveryChannel channel, string? segment, string? profile, IReadOnlyDictionary<string, int> groups, CancellationToken ct)
    {
        var channelName = channel.ToString().ToLowerInvariant();
        var playbookChannel = channel == DeliveryChannel.Webhook ? "in_platform" : channelName;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var specs = new List<CampaignVariantSpec>();
        var proposed = new List<ProposedVariant>();
        for (var i = 0; i < count; i++)
        {
            var variantNeed = need ?? NeedOrder[i % NeedOrder.Length];
            var query = $"message to invite {segment?.Replace('_', ' ') ?? "inactive"} {profile ?? ""} members back, {variantNeed}";
            // Playbooks written for this segment and profile first; any playbook of the need and channel otherwise.
            var fitting = new SearchFilter(variantNeed, playbookChannel,
                profile is not null && Knowledge.Playbooks.PlaybookVocabulary.Profiles.Contains(profile) ? profile : null,
                segment is not null && Knowledge.Playbooks.PlaybookVocabulary.Segments.Contains(segment) ? segment : null);
            var hits = await knowledge.SearchAsync(query, fitting, 20, RankingMode.Hybrid, ct);
            if (!hits.Any(h => !used.Contains(h.PlaybookId) && Examples(h.PlaybookId).ContainsKey("en")))
            {
                hits = await knowledge.SearchAsync(query, new SearchFilter(variantNeed, playbookChannel), 20, RankingMode.Hybrid, ct);
            }
            var hit = hits.FirstOrDefault(h => !used.Contains(h.PlaybookId) && Examples(h.PlaybookId).ContainsKey("en"))
                ?? hits.FirstOrDefault(h => Examples(h.PlaybookId).ContainsKey("en"))
                ?? throw new CampaignArgumentException($"No playbook with an example message serves {variantNeed} on {channelName}.");
            used.Add(hit.PlaybookId);
            var playbook = knowledge.Library.Find(hit.PlaybookId)!;
            var messages = Examples(hit.PlaybookId);
            var name = VariantName(i);
            specs.Add(new CampaignVariantSpec(name, variantNeed, playbook.Tone, [playbook.Id], messages));
            proposed.Add(new ProposedVariant(name, variantNeed, channelName, playbook.Tone, playbook.Id, hit.Citation,
                messages["en"].Subject, messages["en"].Body, groups.GetValueOrDefault(name)));
        }
        return (specs, proposed);
    }

    /// <summary>The playbook's example messages by language: subject line and body.</summary>
    private Dictionary<string, MessageTemplate> Examples(string playbookId)
    {
        var examples = new Dictionary<string, MessageTemplate>(StringComparer.Ordinal);
        var playbook = knowledge.Library.Find(playbookId);
        foreach (var (language, heading, label) in ExampleSections)
        {
            var text = playbook?.Section(heading)?.Text;
            if (text is null)
            {
                continue;
            }
            var lines = text.Split('\n').Select(l => l.Trim()).ToList();
            // "Subject: ...", "Objet : ..." (French typography puts a space before the colon).
            var subjectLine = lines.FirstOrDefault(l => l.TrimStart('*', ' ').StartsWith(label, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal));
            if (subjectLine is null)
            {
                continue;
            }
            var subject = subjectLine[(subjectLine.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('*').Trim();
            var body = string.Join('\n', lines.SkipWhile(l => l != subjectLine).Skip(1)).Trim();
            var message = new MessageTemplate(subject, body);
            if (!message.Problems().Any())
            {
                examples[language] = message;
            }
        }
        return examples;
    }
}

using System.Globalization;

namespace Actionlytics.Core.Campaigns;

/// <summary>One assigned member's outcome: their group, profile, whether the message went out and whether they came back in the goal window.</summary>
public sealed record RecipientOutcome(string Group, string Profile, bool Delivered, DateTimeOffset? ReturnedAt);

/// <summary>A group's figures against the holdout.</summary>
/// <param name="Uplift">Return rate minus the holdout's (absolute, 0.03 = 3 points).</param>
/// <param name="RelativeUplift">Uplift over the holdout's rate; null when the holdout's rate is 0.</param>
/// <param name="PValue">Two-sided two-proportion z-test against the holdout; null for the holdout itself.</param>
/// <param name="ProbabilityToBeatHoldout">Beta-Binomial posterior probability (uniform priors) that the group's rate is above the holdout's.</param>
public sealed record GroupResult(
    string Group, string? Need, int Assigned, int Delivered, int Returned, double Rate, double RateLow, double RateHigh,
    double? Uplift, double? RelativeUplift, double? PValue, double? ProbabilityToBeatHoldout);

/// <summary>The next wave's share for one variant among one profile's members, and the record it is based on.</summary>
public sealed record WaveAllocation(string Profile, string Variant, string Need, int Recipients, int Returned, double Share);

/// <summary>Why the figures should be read with care: a code channels word in their language, the value it names, and the English text.</summary>
/// <param name="Code">window_open, not_sent, small_groups, sample_ratio_mismatch or not_significant.</param>
public sealed record CampaignWarning(string Code, string Value, string Message);

/// <summary>A campaign's results: per group against the holdout, the sample-ratio check, warnings, and the next wave's allocation.</summary>
public sealed record CampaignAnalysis(
    IReadOnlyList<GroupResult> Groups, double SampleRatioPValue, IReadOnlyList<CampaignWarning> Warnings, IReadOnlyList<WaveAllocation> NextWave);

/// <summary>
/// Turns who came back into the figures a manager can act on. Everyone assigned is counted in their group, whether the
/// message went out or not (intention to treat): leaving out opted-out or capped members from variant groups only
/// would compare unlike groups with the holdout.
/// </summary>
public static class CampaignOutcomes
{
    /// <summary>Below this many members in a group, a result is reported with a warning not to conclude.</summary>
    public const int SmallGroup = 100;

    public static CampaignAnalysis Analyse(Campaign campaign, IReadOnlyList<RecipientOutcome> outcomes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(outcomes);
        var names = campaign.Variants.Select(v => v.Name).Append(GroupAssignment.Holdout).ToList();
        var byGroup = names.ToDictionary(n => n, n => outcomes.Where(o => o.Group == n).ToList());
        var holdout = byGroup[GroupAssignment.Holdout];
        var holdoutReturned = holdout.Count(o => o.ReturnedAt is not null);
        var holdoutRate = Rate(holdoutReturned, holdout.Count);

        var groups = new List<GroupResult>();
        foreach (var name in names)
        {
            var members = byGroup[name];
            var returned = members.Count(o => o.ReturnedAt is not null);
            var rate = Rate(returned, members.Count);
            var (low, high) = members.Count == 0 ? (0.0, 0.0) : ExperimentStatistics.CredibleInterval(returned, members.Count);
            var isHoldout = name == GroupAssignment.Holdout;
            var comparable = !isHoldout && members.Count > 0 && holdout.Count > 0;
            groups.Add(new GroupResult(
                name,
                campaign.Variants.FirstOrDefault(v => v.Name == name)?.Need,
                members.Count,
                members.Count(o => o.Delivered),
                returned,
                rate,
                low,
                high,
                comparable ? rate - holdoutRate : null,
                comparable && holdoutRate > 0 ? (rate - holdoutRate) / holdoutRate : null,
                comparable ? ExperimentStatistics.TwoProportionTest(returned, members.Count, holdoutReturned, holdout.Count).PValue : null,
                comparable ? ExperimentStatistics.ProbabilityToBeat(holdoutReturned, holdout.Count, returned, members.Count) : null));
        }

        // A next wave splits the variants unevenly on purpose (per profile): only the holdout's share can be checked there.
        var srm = campaign.HoldoutShare <= 0 || outcomes.Count == 0 ? 1.0
            : campaign.PreviousWaveId is null
                ? ExperimentStatistics.SampleRatioMismatchPValue(groups.Select(g => g.Assigned).ToList(),
                    campaign.Variants.Select(_ => (1 - campaign.HoldoutShare) / campaign.Variants.Count).Append(campaign.HoldoutShare).ToList())
                : ExperimentStatistics.SampleRatioMismatchPValue([outcomes.Count - holdout.Count, holdout.Count], [1 - campaign.HoldoutShare, campaign.HoldoutShare]);
        return new CampaignAnalysis(groups, srm, Warnings(campaign, groups, srm, now), NextWave(campaign, outcomes));
    }

    private static List<CampaignWarning> Warnings(Campaign campaign, List<GroupResult> groups, double srm, DateTimeOffset now)
    {
        var warnings = new List<CampaignWarning>();
        if (campaign.SendStartedAt is null)
        {
            warnings.Add(new("not_sent", "", "Nothing has been sent yet: there is nothing to measure."));
            return warnings;
        }
        if (campaign.MeasuredUntil is { } until && until > now)
        {
            var day = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            warnings.Add(new("window_open", day, $"The goal window is still open until {day}: members can still come back, so the figures will change."));
        }
        var small = groups.Where(g => g.Assigned < SmallGroup).Select(g => g.Group).ToList();
        if (small.Count > 0)
        {
            var names = string.Join(", ", small);
            warnings.Add(new("small_groups", names, $"Too small to conclude: {names} ha{(small.Count == 1 ? "s" : "ve")} fewer than {SmallGroup} members; treat any difference as a hint, not a result."));
        }
        if (srm < 0.001)
        {
            var p = srm.ToString("0.####", CultureInfo.InvariantCulture);
            warnings.Add(new("sample_ratio_mismatch", p, $"Sample ratio mismatch (p = {p}): the groups are not the sizes the split intended, so the comparison may be biased."));
        }
        if (groups.Any(g => g.Uplift is not null) && !groups.Any(g => g.PValue is < 0.05))
        {
            var mde = (campaign.MinimumDetectableEffect * 100).ToString("0.#", CultureInfo.InvariantCulture);
            warnings.Add(new("not_significant", mde, $"No variant differs from the holdout at 5% significance (the test was sized to detect {mde} points or more)."));
        }
        return warnings;
    }

    /// <summary>Per profile, Thompson sampling over the variants' record with that profile's members.</summary>
    private static List<WaveAllocation> NextWave(Campaign campaign, IReadOnlyList<RecipientOutcome> outcomes)
    {
        var allocation = new List<WaveAllocation>();
        foreach (var profile in outcomes.Where(o => o.Group != GroupAssignment.Holdout).Select(o => o.Profile).Distinct().Order(StringComparer.Ordinal))
        {
            var arms = campaign.Variants.Select(v =>
            {
                var members = outcomes.Where(o => o.Profile == profile && o.Group == v.Name).ToList();
                return new ArmOutcome(v.Name, members.Count, members.Count(o => o.ReturnedAt is not null));
            }).ToList();
            var shares = ThompsonAllocation.Shares(arms, campaign.Seed);
            allocation.AddRange(arms.Select(a => new WaveAllocation(
                profile, a.Variant, campaign.Variants.First(v => v.Name == a.Variant).Need, a.Recipients, a.Returned, shares[a.Variant])));
        }
        return allocation;
    }

    private static double Rate(int returned, int total) => total == 0 ? 0 : (double)returned / total;
}

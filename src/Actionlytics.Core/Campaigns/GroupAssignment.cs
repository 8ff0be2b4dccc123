using System.Security.Cryptography;
using System.Text;

namespace Actionlytics.Core.Campaigns;

/// <summary>A member to place in a campaign's groups, with what the split is stratified on.</summary>
public sealed record CampaignCandidate(string MemberId, double Score, string Profile)
{
    /// <summary>Score bands of 20 points: members of similar promise are spread evenly over the groups.</summary>
    public int ScoreBand => Math.Clamp((int)(Score / 20), 0, 4);
}

/// <summary>
/// Splits an audience into variant groups and a holdout: seeded (the same seed and audience give the same split),
/// stratified by score band and behavioural profile (each stratum is spread over the groups in the groups' shares), so
/// a difference between groups comes from the message, not from who happened to land where.
/// </summary>
public static class GroupAssignment
{
    public const string Holdout = "holdout";

    /// <summary>Group names: <c>A</c>, <c>B</c>... then <see cref="Holdout"/>; shares: the variants equal, the holdout <paramref name="holdoutShare"/>.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IReadOnlyList<CampaignCandidate> audience, int variants, double holdoutShare, int seed) =>
        Assign(audience, variants, holdoutShare, seed, _ => null);

    /// <summary>
    /// As above, but each profile's members are spread over the variants in the shares <paramref name="variantShares"/>
    /// gives for their profile (summing to 1; null: equal), as a next wave allocated by Thompson sampling is.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Assign(
        IReadOnlyList<CampaignCandidate> audience, int variants, double holdoutShare, int seed, Func<string, IReadOnlyList<double>?> variantShares)
    {
        ArgumentNullException.ThrowIfNull(variantShares);
        ArgumentNullException.ThrowIfNull(audience);
        if (variants is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(variants), "1 to 8 variants.");
        }
        if (holdoutShare is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutShare), "The holdout share is at least 0 and below 1.");
        }
        var groups = Enumerable.Range(0, variants).Select(i => ((char)('A' + i)).ToString()).Append(Holdout).ToArray();
        var equal = Enumerable.Repeat((1 - holdoutShare) / variants, variants).Append(holdoutShare).ToArray();

        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        var assigned = new double[groups.Length];
        var placed = 0;
        // Strata in a fixed order, members in a seeded order within each: reproducible, and unrelated to import order.
        foreach (var stratum in audience.GroupBy(c => (c.ScoreBand, c.Profile)).OrderBy(g => g.Key.ScoreBand).ThenBy(g => g.Key.Profile, StringComparer.Ordinal))
        {
            var given = variantShares(stratum.Key.Profile);
            var shares = given is not null && given.Count == variants
                ? given.Select(share => share * (1 - holdoutShare)).Append(holdoutShare).ToArray()
                : equal;
            // Equal shares are balanced over the whole audience; a profile's own shares over that profile's stratum.
            var (counts, placedHere) = ReferenceEquals(shares, equal) ? (assigned, placed) : (new double[groups.Length], 0);
            foreach (var candidate in stratum.OrderBy(c => Key(seed, c.MemberId)).ThenBy(c => c.MemberId, StringComparer.Ordinal))
            {
                placedHere++;
                // The group furthest below its share so far: every prefix of every stratum stays close to the target shares.
                var best = 0;
                for (var g = 1; g < groups.Length; g++)
                {
                    if ((shares[g] * placedHere) - counts[g] > (shares[best] * placedHere) - counts[best])
                    {
                        best = g;
                    }
                }
                counts[best]++;
                assignment[candidate.MemberId] = groups[best];
            }
            if (ReferenceEquals(counts, assigned))
            {
                placed = placedHere;
            }
        }
        return assignment;
    }

    private static ulong Key(int seed, string memberId) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{memberId}")), 0);
}

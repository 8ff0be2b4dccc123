using System.Globalization;

namespace Actionlytics.Core.Analytics;

/// <summary>
/// Scores inactive members on recency, constancy and frequency, as of any past day.
/// <para>For an as-of day D, a window of W days and a threshold of I days (community-local days; events after D ignored):
/// <c>last_active_date</c> is the last active day on or before D; <c>recency_days</c> = D - last_active_date; a member is
/// inactive when recency_days &gt;= I; <c>active_days</c> counts active days in [D-W+1, D]; <c>constancy_days</c> is the last
/// minus the first active day in that window plus one (0 when none).</para>
/// <para>Each component is normalised to 0..1, 1 being best: recency = 1 - (recency_days - I) / W, clamped (1 just after
/// lapsing, 0 once gone for another full window); constancy = constancy_days / (W - I) and frequency = active_days / (W - I),
/// clamped, W - I being the days of the window an inactive member can have been active on. The score is
/// 100 x (weighted mean of the three). It rises when a member is more recent, more constant or more frequent.</para>
/// </summary>
public sealed class InactivityScorer(SegmentRules segments, ProfileRules profiles)
{
    public InactivityScorer()
        : this(SegmentRules.Default, ProfileRules.Default)
    {
    }

    public SegmentRules Segments => segments;

    public ProfileRules Profiles => profiles;

    /// <summary>
    /// The inactive members of a segment and/or a profile (all of them when both are unset), best score first. An
    /// unknown name is refused with the names there are, never answered with an empty list.
    /// </summary>
    public IReadOnlyList<MemberScore> Matching(ScoringResult scoring, string? segment, string? profile)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        if (segment is not null && !segments.Names.Contains(segment))
        {
            throw new AnalyticsArgumentException($"Unknown segment '{segment}': use {string.Join(", ", segments.Names)}.");
        }
        if (profile is not null && !profiles.Names.Contains(profile))
        {
            throw new AnalyticsArgumentException($"Unknown profile '{profile}': use {string.Join(", ", profiles.Names)}.");
        }
        if (segment is null && profile is null)
        {
            return scoring.Inactive;
        }
        var matching = new List<MemberScore>();
        for (var i = 0; i < scoring.Inactive.Count; i++)
        {
            var member = scoring.Inactive[i];
            if ((segment is null || member.Segment == segment) && (profile is null || member.Profile == profile))
            {
                matching.Add(member);
            }
        }
        return matching;
    }

    public ScoringResult Score(ActivityIndex index, ScoreParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();

        // Members are scored in contiguous slices, one per core, then joined in slice order (so in store order).
        var slices = Math.Clamp(index.MemberCount / 100_000, 1, Environment.ProcessorCount);
        var parts = new Slice[slices];
        Parallel.For(0, slices, part =>
        {
            var from = (int)((long)index.MemberCount * part / slices);
            var to = (int)((long)index.MemberCount * (part + 1) / slices);
            parts[part] = ScoreSlice(index, parameters, from, to);
        });
        var scored = parts.Length == 1 ? parts[0].Scored : new List<ScoredMember>(parts.Sum(p => p.Scored.Count));
        int active = 0, never = 0;
        foreach (var part in parts)
        {
            if (parts.Length > 1)
            {
                scored.AddRange(part.Scored);
            }
            active += part.Active;
            never += part.Never;
        }

        var order = RankByScore(scored);
        return new ScoringResult(parameters, active, scored.Count, never, new ScoredMembers(this, index, parameters, scored, order));
    }

    private sealed record Slice(List<ScoredMember> Scored, int Active, int Never);

    private Slice ScoreSlice(ActivityIndex index, ScoreParameters parameters, int fromSlot, int toSlot)
    {
        var asOf = EpochDay.From(parameters.AsOf);
        var windowStart = asOf - parameters.WindowDays + 1;
        var threshold = parameters.InactiveAfterDays;
        int active = 0, never = 0;
        var scored = new List<ScoredMember>(toSlot - fromSlot);
        for (var slot = fromSlot; slot < toSlot; slot++)
        {
            var entries = index.EntriesAt(slot);
            var last = entries.Length - 1;
            while (last >= 0 && ActivityIndex.Entry.Day(entries[last]) > asOf)
            {
                last--;
            }
            if (last < 0)
            {
                never++;
                continue;
            }

            var lastDay = ActivityIndex.Entry.Day(entries[last]);
            var recency = asOf - lastDay;
            if (recency < threshold)
            {
                active++;
                continue;
            }

            var first = last;
            while (first >= 0 && ActivityIndex.Entry.Day(entries[first]) >= windowStart)
            {
                first--;
            }
            var activeDays = last - first;
            var constancy = activeDays == 0 ? 0 : lastDay - ActivityIndex.Entry.Day(entries[first + 1]) + 1;
            var lifetime = last + 1;
            var components = Components(parameters, recency, activeDays, constancy);
            // The profile reads every active day: it is worked out when a row is read, not for every member here.
            scored.Add(new ScoredMember(
                slot, lastDay, recency, activeDays, constancy, lifetime, components.Score,
                (short)segments.Classify(recency - threshold, activeDays, lifetime)));
        }
        return new Slice(scored, active, never);
    }

    /// <summary>The three normalised components and the resulting score.</summary>
    public static (double Recency, double Constancy, double Frequency, double Score) Components(
        ScoreParameters parameters, int recencyDays, int activeDays, int constancyDays)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var span = (double)parameters.ActiveSpanDays;
        var recency = Math.Clamp(1 - ((double)(recencyDays - parameters.InactiveAfterDays) / parameters.WindowDays), 0, 1);
        var constancy = Math.Clamp(constancyDays / span, 0, 1);
        var frequency = Math.Clamp(activeDays / span, 0, 1);
        var weights = parameters.Weights;
        var score = 100 * ((weights.Recency * recency) + (weights.Constancy * constancy) + (weights.Frequency * frequency)) / weights.Total;
        return (recency, constancy, frequency, score);
    }

    private MemberScore Materialize(ActivityIndex index, ScoreParameters parameters, in ScoredMember member)
    {
        var (recency, constancy, frequency, score) = Components(parameters, member.Recency, member.ActiveDays, member.Constancy);
        var weights = parameters.Weights;
        ScoreComponent Component(string name, double value, double weight)
        {
            var points = 100 * weight * value / weights.Total;
            return new ScoreComponent(name, value, weight / weights.Total, points, score > 0 ? points / score : 0);
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Last active {member.Recency} days ago ({member.Recency - parameters.InactiveAfterDays} past the {parameters.InactiveAfterDays}-day threshold); " +
            $"{member.ActiveDays} active days in the {parameters.WindowDays}-day window, spread over {member.Constancy} days; {member.Lifetime} active days in all.");
        var explanation = new ScoreExplanation(
            Component("recency", recency, weights.Recency),
            Component("constancy", constancy, weights.Constancy),
            Component("frequency", frequency, weights.Frequency),
            summary);
        return new MemberScore(
            index.ExternalIdAt(member.Slot),
            EpochDay.ToDate(member.LastDay),
            member.Recency,
            member.ActiveDays,
            member.Constancy,
            score,
            segments.NameAt(member.Segment),
            profiles.NameAt(profiles.Classify(index.EntriesAt(member.Slot)[..member.Lifetime])),
            member.Lifetime,
            explanation)
        {
            StoreMemberId = index.MemberIdAt(member.Slot),
        };
    }

    /// <summary>
    /// The positions of <paramref name="scored"/> from the highest score down; equal scores (to a millionth) keep the
    /// order members were first stored in, so every run gives the same order. A radix sort on 64-bit keys (score, position):
    /// at a million members a comparison sort spends more time comparing than the scoring took.
    /// </summary>
    private static int[] RankByScore(List<ScoredMember> scored)
    {
        var keys = new ulong[scored.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var descending = (ulong)(100_000_000 - (long)Math.Round(scored[i].Score * 1_000_000));
            keys[i] = (descending << 32) | (uint)i;
        }
        RadixSort(keys);
        var order = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            order[i] = (int)(uint)keys[i];
        }
        return order;
    }

    /// <summary>Least-significant-digit radix sort, 16 bits a pass, skipping passes whose digit never varies.</summary>
    private static void RadixSort(ulong[] keys)
    {
        var buffer = new ulong[keys.Length];
        var counts = new int[1 << 16];
        for (var shift = 0; shift < 64; shift += 16)
        {
            Array.Clear(counts);
            foreach (var key in keys)
            {
                counts[(int)((key >> shift) & 0xFFFF)]++;
            }
            if (counts[(int)((keys.Length == 0 ? 0 : keys[0] >> shift) & 0xFFFF)] == keys.Length)
            {
                continue;
            }
            var total = 0;
            for (var digit = 0; digit < counts.Length; digit++)
            {
                (counts[digit], total) = (total, total + counts[digit]);
            }
            foreach (var key in keys)
            {
                buffer[counts[(int)((key >> shift) & 0xFFFF)]++] = key;
            }
            Array.Copy(buffer, keys, keys.Length);
        }
    }

    /// <summary>A scored member kept compact; turned into a <see cref="MemberScore"/> only when read.</summary>
    private readonly record struct ScoredMember(
        int Slot, int LastDay, int Recency, int ActiveDays, int Constancy, int Lifetime, double Score, short Segment);

    /// <summary>The inactive members, materialised one by one on access: a million scores cost no million explanations.</summary>
    private sealed class ScoredMembers(InactivityScorer scorer, ActivityIndex index, ScoreParameters parameters, List<ScoredMember> members, int[] order)
        : IReadOnlyList<MemberScore>
    {
        public MemberScore this[int position] => scorer.Materialize(index, parameters, members[order[position]]);

        public int Count => members.Count;

        public IEnumerator<MemberScore> GetEnumerator()
        {
            for (var i = 0; i < members.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

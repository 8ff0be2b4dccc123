namespace Actionlytics.Core.Campaigns;

/// <summary>What a message variant achieved so far with one kind of member: recipients and how many came back.</summary>
public sealed record ArmOutcome(string Variant, int Recipients, int Returned);

/// <summary>
/// Allocates the next wave's members to variants by Thompson sampling: each variant's return rate is a
/// Beta(1 + returned, 1 + not returned) belief; the share a variant gets is the probability that it is the best, estimated
/// by drawing from every belief many times. Variants that work get more members, uncertain ones still get some, so the
/// product keeps learning which message works for whom (run it per behavioural profile and need).
/// </summary>
public static class ThompsonAllocation
{
    public const int Draws = 20_000;

    /// <summary>Each variant's share of the next wave (summing to 1), from seeded draws: the same outcomes and seed give the same shares.</summary>
    public static IReadOnlyDictionary<string, double> Shares(IReadOnlyList<ArmOutcome> arms, int seed)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0)
        {
            return new Dictionary<string, double>();
        }
        if (arms.Any(a => a.Recipients < 0 || a.Returned < 0 || a.Returned > a.Recipients))
        {
            throw new ArgumentException("Each arm's returns are between 0 and its recipients.", nameof(arms));
        }
        var random = new Random(seed);
        var wins = new int[arms.Count];
        for (var draw = 0; draw < Draws; draw++)
        {
            var best = 0;
            var bestValue = double.MinValue;
            for (var i = 0; i < arms.Count; i++)
            {
                var value = Beta(random, 1 + arms[i].Returned, 1 + arms[i].Recipients - arms[i].Returned);
                if (value > bestValue)
                {
                    (best, bestValue) = (i, value);
                }
            }
            wins[best]++;
        }
        return arms.Select((a, i) => (a.Variant, Share: (double)wins[i] / Draws)).ToDictionary(p => p.Variant, p => p.Share, StringComparer.Ordinal);
    }

    /// <summary>A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).</summary>
    private static double Beta(Random random, double a, double b)
    {
        var x = Gamma(random, a);
        var y = Gamma(random, b);
        return x / (x + y);
    }

    /// <summary>A Gamma(shape, 1) draw (Marsaglia and Tsang, 2000; shapes here are at least 1).</summary>
    private static double Gamma(Random random, double shape)
    {
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

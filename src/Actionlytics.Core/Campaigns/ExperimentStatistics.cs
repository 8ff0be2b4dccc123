namespace Actionlytics.Core.Campaigns;

/// <summary>
/// The statistics of a reactivation test against its holdout: the smallest uplift a test can detect, the frequentist
/// two-proportion test, the Bayesian probability that a variant beats control with credible intervals (uniform Beta
/// priors), and the sample-ratio-mismatch check. Pure functions, checked in the tests against values computed
/// independently with arbitrary-precision arithmetic.
/// </summary>
public static class ExperimentStatistics
{
    /// <summary>
    /// The smallest absolute difference in return rate a two-sided test at <paramref name="alpha"/> detects with
    /// <paramref name="power"/>, for a baseline rate and two group sizes (normal approximation, unpooled variance at the baseline).
    /// </summary>
    public static double MinimumDetectableEffect(double baseline, int treated, int control, double alpha = 0.05, double power = 0.8)
    {
        if (treated <= 0 || control <= 0)
        {
            return 1;
        }
        var p = Math.Clamp(baseline, 0, 1);
        var z = NormalQuantile(1 - (alpha / 2)) + NormalQuantile(power);
        // A baseline of 0 would claim any effect is detectable: use at least one success's worth of variance.
        var variance = Math.Max(p * (1 - p), 1.0 / (treated + control));
        return Math.Min(1, z * Math.Sqrt(variance * ((1.0 / treated) + (1.0 / control))));
    }

    /// <summary>Two-proportion z-test with a pooled proportion: the z statistic of B minus A and its two-sided p-value.</summary>
    public static (double Z, double PValue) TwoProportionTest(int successesA, int totalA, int successesB, int totalB)
    {
        if (totalA <= 0 || totalB <= 0)
        {
            return (0, 1);
        }
        double pA = (double)successesA / totalA, pB = (double)successesB / totalB;
        var pooled = (double)(successesA + successesB) / (totalA + totalB);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / totalA) + (1.0 / totalB)));
        if (se == 0)
        {
            return (0, 1);
        }
        var z = (pB - pA) / se;
        return (z, 2 * NormalCdf(-Math.Abs(z)));
    }

    /// <summary>
    /// P(rate B &gt; rate A) with Beta(1 + successes, 1 + failures) posteriors, exactly (the closed form of
    /// Evan Miller, "Formulas for Bayesian A/B testing", 2014).
    /// </summary>
    public static double ProbabilityToBeat(int successesA, int totalA, int successesB, int totalB)
    {
        double alphaA = 1 + successesA, betaA = 1 + totalA - successesA, alphaB = 1 + successesB, betaB = 1 + totalB - successesB;
        double total = 0;
        for (var i = 0; i < alphaB; i++)
        {
            total += Math.Exp(LogBeta(alphaA + i, betaA + betaB) - Math.Log(betaB + i) - LogBeta(1 + i, betaB) - LogBeta(alphaA, betaA));
        }
        return Math.Clamp(total, 0, 1);
    }

    /// <summary>The equal-tailed credible interval of a rate with a Beta(1 + successes, 1 + failures) posterior.</summary>
    public static (double Low, double High) CredibleInterval(int successes, int total, double level = 0.95)
    {
        double a = 1 + successes, b = 1 + total - successes;
        var tail = (1 - level) / 2;
        return (BetaQuantile(tail, a, b), BetaQuantile(1 - tail, a, b));
    }

    /// <summary>
    /// The p-value of a chi-square goodness-of-fit test of the group sizes against the shares they were assigned with:
    /// a very small value (below 0.001, by convention) means the split itself went wrong and the results cannot be trusted.
    /// </summary>
    public static double SampleRatioMismatchPValue(IReadOnlyList<int> observed, IReadOnlyList<double> expectedShares)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(expectedShares);
        if (observed.Count != expectedShares.Count || observed.Count < 2)
        {
            throw new ArgumentException("One expected share per group, at least two groups.");
        }
        var total = observed.Sum();
        var shares = expectedShares.Sum();
        double chi = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * expectedShares[i] / shares;
            chi += expected == 0 ? 0 : (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return RegularizedGammaQ((observed.Count - 1) / 2.0, chi / 2);
    }

    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>The standard normal quantile (Acklam's rational approximation refined by one Halley step; error about 1e-7, the CDF's).</summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "p is strictly between 0 and 1.");
        }
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        double x;
        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        else if (p > 1 - 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        var e = NormalCdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    /// <summary>The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7, refined for the tails).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var r = t * Math.Exp(-z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806 + (t * (0.27886807
            + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277))))))))))))))))));
        return x >= 0 ? r : 2 - r;
    }

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln Γ(x) by the Lanczos approximation (g = 7, 9 terms; about 15 significant digits).</summary>
    private static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }
        double[] g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
            -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }
        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The regularized incomplete beta function I_x(a, b) by its continued fraction (Lentz's method).</summary>
    private static double IncompleteBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }
        if (x >= 1)
        {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2))
        {
            return 1 - IncompleteBeta(1 - x, b, a);
        }
        var front = Math.Exp((a * Math.Log(x)) + (b * Math.Log(1 - x)) - LogBeta(a, b)) / a;
        double f = 1, c = 1, d = 0;
        for (var i = 0; i <= 400; i++)
        {
            var m = i / 2;
            double numerator = i == 0 ? 1
                : i % 2 == 0 ? m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)))
                : -((a + m) * (a + b + m) * x) / ((a + (2 * m)) * (a + (2 * m) + 1));
            d = 1 + (numerator * d);
            d = Math.Abs(d) < 1e-300 ? 1e-300 : d;
            d = 1 / d;
            c = 1 + (numerator / c);
            c = Math.Abs(c) < 1e-300 ? 1e-300 : c;
            var cd = c * d;
            f *= cd;
            if (Math.Abs(1 - cd) < 1e-15)
            {
                break;
            }
        }
        return front * (f - 1);
    }

    /// <summary>The Beta(a, b) quantile by bisection on the incomplete beta function (monotone, so it always converges).</summary>
    private static double BetaQuantile(double p, double a, double b)
    {
        double low = 0, high = 1;
        for (var i = 0; i < 100; i++)
        {
            var mid = (low + high) / 2;
            if (IncompleteBeta(mid, a, b) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /// <summary>Q(s, x) = Γ(s, x) / Γ(s), the upper regularized gamma function (series below s + 1, continued fraction above).</summary>
    private static double RegularizedGammaQ(double s, double x)
    {
        if (x <= 0)
        {
            return 1;
        }
        if (x < s + 1)
        {
            double term = 1 / s, sum = term;
            for (var n = 1; n < 1000 && Math.Abs(term) > Math.Abs(sum) * 1e-16; n++)
            {
                term *= x / (s + n);
                sum += term;
            }
            return 1 - (sum * Math.Exp(-x + (s * Math.Log(x)) - LogGamma(s)));
        }
        double b = x + 1 - s, c = 1e300, d = 1 / b, h = d;
        for (var i = 1; i < 1000; i++)
        {
            var an = -i * (i - s);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < 1e-300 ? 1e-300 : d;
            c = b + (an / c);
            c = Math.Abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }
        return Math.Exp(-x + (s * Math.Log(x)) - LogGamma(s)) * h;
    }
}

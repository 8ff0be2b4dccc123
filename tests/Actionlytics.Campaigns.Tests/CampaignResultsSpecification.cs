using Actionlytics.Agent.Chat;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Campaigns.Outcomes;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Ingestion;
using Actionlytics.Data.Store;
using Actionlytics.Reports;
using Actionlytics.Tests.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Campaigns.Tests;

/// <summary>The acceptance path of the campaigns issue: draft, approve, send over SMTP, members come back (imported events), results against the holdout.</summary>
public sealed class CampaignResultsSpecification
{
    [Fact]
    public async Task Measures_who_came_back_per_variant_against_the_holdout_from_imported_events()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var world = await CampaignWorld.CreateAsync(sink.Settings(), members: 5000);
        var (draft, proposal) = await world.Campaigns(c => c.DraftAsync(CampaignWorld.Community,
            new CampaignRequest("recently_lapsed_regulars", Variants: 3), CampaignWorld.Manager, CancellationToken.None));
        Assert.Equal(3, proposal.Variants.Count);
        await world.Campaigns(c => c.ApproveAsync(draft.Id, draft.Version, CampaignWorld.Manager, CancellationToken.None));
        await world.Campaigns(c => c.SendAsync(draft.Id, null, CampaignWorld.Manager, CancellationToken.None));
        await world.DispatchAsync(draft.Id);
        Assert.True(sink.Count > 0);

        // Members come back after the message: 40% of A, 10% of B, none of C, 5% of the holdout.
        var recipients = await world.InScope(s => s.GetRequiredService<ActionlyticsDbContext>().CampaignRecipients.AsNoTracking()
            .Where(r => r.CampaignId == draft.Id).OrderBy(r => r.Id).ToListAsync());
        var shares = new Dictionary<string, double> { ["A"] = 0.4, ["B"] = 0.1, ["C"] = 0, [GroupAssignment.Holdout] = 0.05 };
        var returning = recipients.GroupBy(r => r.Group).SelectMany(g => g.Take((int)Math.Round(g.Count() * shares[g.Key]))).ToList();
        var at = DateTimeOffset.UtcNow.AddSeconds(1);
        await Task.Delay(1100);
        var report = await world.InScope(s => s.GetRequiredService<EventImporter>().ImportAsync(CampaignWorld.Community,
            returning.Select(r => new EventRow($"return-{r.ExternalId}", r.ExternalId, at, "login", null, "web", null)), new ImportOptions()));
        Assert.Equal(returning.Count, report.Imported);

        var results = await world.InScope(s => s.GetRequiredService<CampaignResults>().ResultsAsync(draft.Id, CampaignWorld.Viewer, CancellationToken.None));

        var groups = results.Analysis.Groups.ToDictionary(g => g.Group);
        var holdout = groups[GroupAssignment.Holdout];
        foreach (var (name, share) in shares)
        {
            var expected = returning.Count(r => r.Group == name);
            Assert.Equal(expected, groups[name].Returned);
            Assert.Equal((double)expected / groups[name].Assigned, groups[name].Rate, 10);
        }
        var a = groups["A"];
        Assert.Equal(a.Rate - holdout.Rate, a.Uplift!.Value, 10);
        Assert.Equal((a.Rate - holdout.Rate) / holdout.Rate, a.RelativeUplift!.Value, 10);
        Assert.Equal(TwoSidedPValue(a.Returned, a.Assigned, holdout.Returned, holdout.Assigned), a.PValue!.Value, 6);
        Assert.True(a.ProbabilityToBeatHoldout > 0.99);
        Assert.True(groups["C"].ProbabilityToBeatHoldout < 0.2);
        Assert.Contains(results.Analysis.Warnings, w => w.Code == "window_open");
        Assert.Contains(results.Analysis.Warnings, w => w.Code == "small_groups" && w.Value.Contains("holdout", StringComparison.Ordinal));
        Assert.NotEmpty(results.Analysis.NextWave);

        // The table and chart every channel shows.
        Assert.Equal(4, results.Table.Rows.Count());
        Assert.Equal(["A (competence)", "B (relatedness)", "C (autonomy)", "holdout"], results.Chart.Categories);
        var png = ChartRenderer.Render(results.Chart, ExportFormat.Png);
        Assert.Equal(0x89, png[0]);

        // The next wave: the same variants for members the first wave did not reach, each profile leaning to what worked.
        var (wave, waveProposal) = await world.Campaigns(c => c.DraftAsync(CampaignWorld.Community,
            new CampaignRequest("fading", NextWaveOf: draft.Id), CampaignWorld.Manager, CancellationToken.None));
        Assert.Equal(draft.Id, wave.PreviousWave);
        Assert.Equal(draft.Id, waveProposal.PreviousWave);
        Assert.Equal(results.Analysis.NextWave, waveProposal.Allocation);
        Assert.Equal(proposal.Variants.Select(v => v.Subject), waveProposal.Variants.Select(v => v.Subject));
        Assert.True(wave.Groups["A"] > 2 * wave.Groups.GetValueOrDefault("C"), $"A {wave.Groups["A"]}, C {wave.Groups.GetValueOrDefault("C")}");
        var firstWave = recipients.Select(r => r.ExternalId).ToHashSet();
        var secondWave = await world.InScope(s => s.GetRequiredService<ActionlyticsDbContext>().CampaignRecipients.AsNoTracking()
            .Where(r => r.CampaignId == wave.Id).Select(r => r.ExternalId).ToListAsync());
        Assert.DoesNotContain(secondWave, firstWave.Contains);

        // And the agent reads the same results when the manager asks.
        var turn = await world.InScope(s => s.GetRequiredService<AgentChat>().AskAsync(
            CampaignWorld.Community, CampaignWorld.Manager, null, $"How did campaign {draft.Id} do?", CancellationToken.None));
        var call = Assert.Single(turn.ToolCalls);
        Assert.Equal("campaign_results", call.Name);
        Assert.Equal(draft.Id, call.Arguments.GetProperty("campaign_id").GetInt64());
        Assert.Contains($"({a.Returned} of {a.Assigned})", turn.Answer, StringComparison.Ordinal);
        Assert.Equal(2, turn.Artifacts.Count);
    }

    /// <summary>The pooled two-proportion z-test, written out here apart from the product's code.</summary>
    private static double TwoSidedPValue(int x1, int n1, int x2, int n2)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2, pooled = (double)(x1 + x2) / (n1 + n2);
        var z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        return 2 * 0.5 * Erfc(Math.Abs(z) / Math.Sqrt(2));
    }

    /// <summary>Complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        var t = 1 / (1 + (0.5 * Math.Abs(x)));
        double[] coefficients = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628288, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var polynomial = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            polynomial = coefficients[i] + (t * polynomial);
        }
        var y = t * Math.Exp((-x * x) + polynomial);
        return x >= 0 ? y : 2 - y;
    }
}

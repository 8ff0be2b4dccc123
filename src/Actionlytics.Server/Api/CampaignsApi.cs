using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Delivery;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Campaigns.Outcomes;
using Actionlytics.Core.Campaigns;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Store;
using Actionlytics.Reports;
using Actionlytics.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Server.Api;

/// <summary>
/// Campaigns over HTTP: draft, read, edit, approve or reject an exact version, send, and read the results (JSON, chart,
/// table). The API key must reach the campaign's community; the caller's role there (see <c>community grant</c>) decides
/// what they may do, as in every other channel.
/// </summary>
public static class CampaignsApi
{
    public sealed record VersionDecision(int Version, string? Reason);

    public sealed record SendRequest(DateTimeOffset? At);

    public sealed record MessageEdit(string? Subject, string? Body);

    public sealed record CampaignDrafted(CampaignView Campaign, CampaignProposal Proposal);

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var byCommunity = app.MapGroup("/api/communities/{slug}/campaigns").WithTags("Campaigns");

        byCommunity.MapGet("/", async (string slug, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            TypedResults.Ok(await campaigns.ListAsync(slug, Caller(http), ct)))
            .RequireCommunityAccess(write: false)
            .WithSummary("The community's campaigns, newest first.");

        byCommunity.MapPost("/", async (string slug, CampaignRequest request, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            {
                var (view, proposal) = await campaigns.DraftAsync(slug, request, Caller(http), ct);
                return TypedResults.Created($"/api/campaigns/{view.Id}", new CampaignDrafted(view, proposal));
            })
            .RequireCommunityAccess(write: true)
            .WithSummary("Draft a campaign (segment, profile, variants, need, channel, goalDays, goalAction, holdoutShare, name, nextWaveOf); it waits for approval.");

        var campaign = app.MapGroup("/api/campaigns/{id:long}").WithTags("Campaigns");

        campaign.MapGet("/", (long id, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            WithCampaignAsync(id, http, write: false, async () =>
                TypedResults.Ok(new { campaign = await campaigns.GetAsync(id, Caller(http), ct), audit = await campaigns.AuditAsync(id, Caller(http), ct) }), ct))
            .WithSummary("A campaign with its audit log.");

        campaign.MapGet("/preview", (long id, string variant, string? member, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            WithCampaignAsync(id, http, write: false, async () => TypedResults.Ok(await campaigns.PreviewAsync(id, variant, member, Caller(http), ct)), ct))
            .WithSummary("A variant as one member (default: the first of its group) would receive it.");

        campaign.MapPut("/variants/{variant}/messages/{language}", (long id, string variant, string language, MessageEdit edit, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            WithCampaignAsync(id, http, write: true, async () => TypedResults.Ok(await campaigns.EditMessageAsync(id, variant, language, edit.Subject, edit.Body, Caller(http), ct)), ct))
            .WithSummary("Change a variant's message in one language: a new version, which must be approved again.");

        campaign.MapPost("/approve", (long id, VersionDecision decision, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            WithCampaignAsync(id, http, write: true, async () => TypedResults.Ok(await campaigns.ApproveAsync(id, decision.Version, Caller(http), ct)), ct))
            .WithSummary("Approve exactly this version (manager role): { \"version\": 2 }.");

        campaign.MapPost("/reject", (long id, VersionDecision decision, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            WithCampaignAsync(id, http, write: true, async () => TypedResults.Ok(await campaigns.RejectAsync(id, decision.Version, decision.Reason, Caller(http), ct)), ct))
            .WithSummary("Reject this version (manager role): { \"version\": 2, \"reason\": \"...\" }.");

        campaign.MapPost("/send", (long id, SendRequest? request, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            WithCampaignAsync(id, http, write: true, async () => TypedResults.Accepted($"/api/campaigns/{id}", await campaigns.SendAsync(id, request?.At, Caller(http), ct)), ct))
            .WithSummary("Send an approved campaign now or { \"at\": \"...\" }; the server's dispatcher delivers the messages.");

        campaign.MapGet("/results", (long id, HttpContext http, CampaignResults results, CancellationToken ct) =>
            WithCampaignAsync(id, http, write: false, async () =>
            {
                var r = await results.ResultsAsync(id, Caller(http), ct);
                return TypedResults.Ok(new { campaign = r.Campaign, r.Analysis.Groups, r.Analysis.SampleRatioPValue, r.Analysis.Warnings, r.Analysis.NextWave, chart = r.Chart });
            }, ct))
            .WithSummary("Who came back per variant against the holdout, warnings, and the next wave's allocation.");

        campaign.MapGet("/results/{file}", (long id, string file, HttpContext http, CampaignResults results, CancellationToken ct) =>
            WithCampaignAsync(id, http, write: false, async () =>
            {
                var format = ExportFormats.FromFileName(file);
                var r = await results.ResultsAsync(id, Caller(http), ct);
                if (format is { } chart && chart.IsChartFormat() && file.StartsWith("chart.", StringComparison.Ordinal))
                {
                    return TypedResults.File(ChartRenderer.Render(r.Chart, chart), chart.MediaType(), $"campaign-{id}-results{Path.GetExtension(file)}");
                }
                if (format is { } table && table.IsTableFormat() && file.StartsWith("table.", StringComparison.Ordinal))
                {
                    using var output = new MemoryStream();
                    await TableExport.WriteAsync(r.Table, table, output, ct);
                    return TypedResults.File(output.ToArray(), table.MediaType(), $"campaign-{id}-results{Path.GetExtension(file)}");
                }
                return TypedResults.Problem(title: "Unknown file", detail: "Use chart.png, chart.svg, table.csv, table.xlsx or table.json.", statusCode: StatusCodes.Status404NotFound);
            }, ct))
            .WithSummary("The results as chart.png / chart.svg or table.csv / table.xlsx / table.json.");

        return app;
    }

    private static string Caller(HttpContext http) => http.RequestServices.GetRequiredService<ApiAccess>().CallerName(http);

    /// <summary>Checks the API key against the campaign's community before anything else is done.</summary>
    private static async Task<IResult> WithCampaignAsync(long id, HttpContext http, bool write, Func<Task<IResult>> work, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<ActionlyticsDbContext>();
        var slug = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Communities, c => c.CommunityId, c => c.Id, (_, community) => community.Slug).FirstOrDefaultAsync(ct);
        // Same answer whether the campaign is missing or in a community the key cannot read: ids reveal nothing of other communities.
        if (await ApiAccessEndpointExtensions.DeniedAsync(http, null, write: false) is { } unauthenticated)
        {
            return unauthenticated;
        }
        if (slug is null || await ApiAccessEndpointExtensions.DeniedAsync(http, slug, write: false) is not null)
        {
            return NotFound(id);
        }
        return await ApiAccessEndpointExtensions.DeniedAsync(http, slug, write) ?? await work();
    }

    private static ProblemHttpResult NotFound(long id) => TypedResults.Problem(title: "Campaign not found", detail: $"There is no campaign {id}.", statusCode: StatusCodes.Status404NotFound);

}

using System.Globalization;
using Actionlytics.Campaigns;
using Actionlytics.Campaigns.Delivery;
using Actionlytics.Campaigns.Drafting;
using Actionlytics.Campaigns.Outcomes;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Charts;
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

    public sealed record CampaignWithAudit(CampaignView Campaign, IReadOnlyList<AuditView> Audit);

    /// <summary>A campaign's results as the API answers them: the analysis, with the chart's data.</summary>
    public sealed record ResultsView(
        CampaignView Campaign, IReadOnlyList<GroupResult> Groups, double SampleRatioPValue, IReadOnlyList<CampaignWarning> Warnings, IReadOnlyList<WaveAllocation> NextWave, ChartSpec Chart)
    {
        public static ResultsView Of(CampaignResultsView results) => new(
            results.Campaign, results.Analysis.Groups, results.Analysis.SampleRatioPValue, results.Analysis.Warnings, results.Analysis.NextWave, results.Chart);
    }

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

        campaign.MapGet("/", async (long id, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
                TypedResults.Ok(new CampaignWithAudit(await campaigns.GetAsync(id, Caller(http), ct), await campaigns.AuditAsync(id, Caller(http), ct))))
            .RequireCampaignAccess(write: false)
            .WithSummary("A campaign with its audit log.");

        campaign.MapGet("/preview", async (long id, string variant, string? member, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
                TypedResults.Ok(await campaigns.PreviewAsync(id, variant, member, Caller(http), ct)))
            .RequireCampaignAccess(write: false)
            .WithSummary("A variant as one member (default: the first of its group) would receive it.");

        campaign.MapPut("/variants/{variant}/messages/{language}", async (long id, string variant, string language, MessageEdit edit, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
                TypedResults.Ok(await campaigns.EditMessageAsync(id, variant, language, edit.Subject, edit.Body, Caller(http), ct)))
            .RequireCampaignAccess(write: true)
            .WithSummary("Change a variant's message in one language: a new version, which must be approved again.");

        campaign.MapPost("/approve", async (long id, VersionDecision decision, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
                TypedResults.Ok(await campaigns.ApproveAsync(id, decision.Version, Caller(http), ct)))
            .RequireCampaignAccess(write: true)
            .WithSummary("Approve exactly this version (manager role): { \"version\": 2 }.");

        campaign.MapPost("/reject", async (long id, VersionDecision decision, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
                TypedResults.Ok(await campaigns.RejectAsync(id, decision.Version, decision.Reason, Caller(http), ct)))
            .RequireCampaignAccess(write: true)
            .WithSummary("Reject this version (manager role): { \"version\": 2, \"reason\": \"...\" }.");

        campaign.MapPost("/send", async (long id, SendRequest? request, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
                TypedResults.Accepted($"/api/campaigns/{id}", await campaigns.SendAsync(id, request?.At, Caller(http), ct)))
            .RequireCampaignAccess(write: true)
            .WithSummary("Send an approved campaign now or { \"at\": \"...\" }; the server's dispatcher delivers the messages.");

        campaign.MapGet("/results", async (long id, HttpContext http, CampaignResults results, CancellationToken ct) =>
                TypedResults.Ok(ResultsView.Of(await results.ResultsAsync(id, Caller(http), ct))))
            .RequireCampaignAccess(write: false)
            .WithSummary("Who came back per variant against the holdout, warnings, and the next wave's allocation.");

        campaign.MapGet("/results/{file}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (long id, string file, HttpContext http, CampaignResults results, CancellationToken ct) =>
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
            })
            .RequireCampaignAccess(write: false)
            .ProducesFiles(ExportFormat.Png, ExportFormat.Svg, ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Json)
            .WithSummary("The results as chart.png / chart.svg or table.csv / table.xlsx / table.json.");

        return app;
    }

    private static string Caller(HttpContext http) => http.RequestServices.GetRequiredService<ApiAccess>().CallerName(http);

    /// <summary>Checks the caller against the campaign's community before the handler runs.</summary>
    private static RouteHandlerBuilder RequireCampaignAccess(this RouteHandlerBuilder builder, bool write) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = long.Parse((string)http.Request.RouteValues["id"]!, CultureInfo.InvariantCulture);
            var db = http.RequestServices.GetRequiredService<ActionlyticsDbContext>();
            var slug = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
                .Join(db.Communities, c => c.CommunityId, c => c.Id, (_, community) => community.Slug).FirstOrDefaultAsync(http.RequestAborted);
            // Same answer whether the campaign is missing or in a community the key cannot read: ids reveal nothing of other communities.
            if (await ApiAccessEndpointExtensions.DeniedAsync(http, null, write: false) is { } unauthenticated)
            {
                return unauthenticated;
            }
            if (slug is null || await ApiAccessEndpointExtensions.DeniedAsync(http, slug, write: false) is not null)
            {
                return NotFound(id);
            }
            return await ApiAccessEndpointExtensions.DeniedAsync(http, slug, write) ?? await next(context);
        })
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static ProblemHttpResult NotFound(long id) => TypedResults.Problem(title: "Campaign not found", detail: $"There is no campaign {id}.", statusCode: StatusCodes.Status404NotFound);

}

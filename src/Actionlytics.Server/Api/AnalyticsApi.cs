using System.Globalization;
using Actionlytics.Core.Analytics;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Server.Security;

namespace Actionlytics.Server.Api;

/// <summary><c>/api/communities/{slug}/scores</c> and the other analyses, answered from the in-memory activity index.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{slug}").WithTags("Analytics");

        api.MapGet("/scores", async Task<IResult> (
            string slug, string? asOf, int? window, int? inactiveAfter, string? weights, string? format, int? limit,
            HttpContext http, CommunityAnalytics analytics, CancellationToken cancellationToken) =>
        {
            try
            {
                var result = await analytics.ScoreAsync(
                    slug, AnalyticsArguments.ParseDay(asOf, "asOf"), window, inactiveAfter, AnalyticsArguments.ParseWeights(weights), cancellationToken);
                var rows = limit is > 0 ? result.Inactive.Take(limit.Value) : result.Inactive;
                var headers = http.Response.Headers;
                headers["X-Actionlytics-As-Of"] = result.Parameters.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                headers["X-Actionlytics-Inactive"] = result.InactiveMembers.ToString(CultureInfo.InvariantCulture);
                headers["X-Actionlytics-Active"] = result.ActiveMembers.ToString(CultureInfo.InvariantCulture);
                headers["X-Actionlytics-Never-Active"] = result.NeverActiveMembers.ToString(CultureInfo.InvariantCulture);
                return format?.ToLowerInvariant() switch
                {
                    "csv" => Results.Stream(async stream =>
                    {
                        await using var writer = new StreamWriter(stream);
                        await ScoreTable.WriteCsvAsync(writer, rows, cancellationToken);
                    }, "text/csv; charset=utf-8", $"scores-{slug}-{result.Parameters.AsOf:yyyy-MM-dd}.csv"),
                    null or "" or "json" => Results.Stream(
                        stream => ScoreTable.WriteJsonAsync(stream, rows, cancellationToken), "application/json; charset=utf-8"),
                    _ => Results.Problem(title: "Unknown format", detail: "format is csv or json.", statusCode: StatusCodes.Status400BadRequest),
                };
            }
            catch (AnalyticsArgumentException ex)
            {
                return Results.Problem(title: "Invalid analysis parameters", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (CommunityNotFoundException)
            {
                return Problems.CommunityNotFound(slug);
            }
        })
        .RequireCommunityAccess(write: false)
        .WithSummary("Inactive members scored on recency, constancy and frequency, highest first: the CLI's columns, as JSON (default) or CSV. Query: asOf (YYYY-MM-DD), window, inactiveAfter (days), weights (r,c,f), limit.");

        return app;
    }
}

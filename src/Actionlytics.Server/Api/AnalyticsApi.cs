using System.Globalization;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Reports;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Reports;
using Actionlytics.Server.Security;
using Microsoft.AspNetCore.Mvc;

namespace Actionlytics.Server.Api;

/// <summary>
/// The analyses of a community over HTTP, answered from the in-memory activity index: scores, charts (PNG, SVG, JSON data),
/// tables (CSV, XLSX, JSON) and the members behind any number of a trend.
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{slug}").WithTags("Analytics").RequireCommunityAccess(write: false);

        api.MapGet("/scores", (string slug, [AsParameters] AnalysisQuery query, string? format, int? limit, string? segment, HttpContext http, CommunityAnalytics analytics, CancellationToken cancellationToken) =>
            Answer(slug, async () =>
            {
                var request = query.ToRequest(slug);
                var exportFormat = ExportFormats.Parse(format ?? "json") is { } parsed && parsed.IsTableFormat()
                    ? parsed
                    : throw new AnalyticsArgumentException("format is csv, json or xlsx.");
                var result = await analytics.ScoreAsync(slug, request.AsOf, request.WindowDays, request.InactiveAfterDays, request.Weights, cancellationToken);
                var headers = http.Response.Headers;
                headers["X-Actionlytics-As-Of"] = result.Parameters.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                headers["X-Actionlytics-Inactive"] = result.InactiveMembers.ToString(CultureInfo.InvariantCulture);
                headers["X-Actionlytics-Active"] = result.ActiveMembers.ToString(CultureInfo.InvariantCulture);
                headers["X-Actionlytics-Never-Active"] = result.NeverActiveMembers.ToString(CultureInfo.InvariantCulture);
                var rows = segment is null ? result.Inactive : result.Inactive.Where(m => m.Segment == segment);
                rows = limit is > 0 ? rows.Take(limit.Value) : rows;
                return Table(ReportTables.Scores(rows), exportFormat, $"scores-{slug}-{result.Parameters.AsOf:yyyy-MM-dd}", cancellationToken);
            }))
            .WithSummary("Inactive members scored on recency, constancy and frequency, highest first: member_id,last_active_date,recency_days,active_days,constancy_days,score,segment, then profile and explanation. format: json (default), csv or xlsx; segment: only that segment's members.");

        api.MapGet("/stickiness/members", (string slug, [AsParameters] AnalysisQuery query, int activeDays, CommunityAnalytics analytics, CancellationToken cancellationToken) =>
            Answer(slug, async () =>
            {
                var request = query.ToRequest(slug);
                var members = await analytics.StickinessMembersAsync(slug, request.From, request.To, activeDays, cancellationToken);
                return Results.Ok(new { activeDays, count = members.Count, members });
            }))
            .WithSummary("The members active on exactly activeDays days in the window (from, to).");

        api.MapGet("/retention/members", (string slug, string cohort, int monthsLater, CommunityAnalytics analytics, CancellationToken cancellationToken) =>
            Answer(slug, async () =>
            {
                var month = AnalyticsArguments.ParseDay(cohort.Length == 7 ? cohort + "-01" : cohort, "cohort") ?? throw new AnalyticsArgumentException("cohort is required (YYYY-MM).");
                var members = await analytics.RetentionMembersAsync(slug, month, monthsLater, cancellationToken);
                return Results.Ok(new { cohort = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), monthsLater, count = members.Count, members });
            }))
            .WithSummary("The members of a retention cohort (YYYY-MM of first activity) active monthsLater months after it.");

        api.MapGet("/charts/{kind}.{format}", (string slug, string kind, string format, [AsParameters] AnalysisQuery query, int? width, int? height, CommunityReports reports, CancellationToken cancellationToken) =>
            Answer(slug, async () =>
            {
                var chartKind = CommunityReports.ChartNames.TryGetValue(kind, out var known)
                    ? known
                    : throw new AnalyticsArgumentException($"Unknown chart '{kind}': use one of {string.Join(", ", CommunityReports.ChartNames.Keys)}.");
                var exportFormat = ExportFormats.Parse(format) is { } parsed && parsed.IsChartFormat()
                    ? parsed
                    : throw new AnalyticsArgumentException("A chart is png, svg or json.");
                if (width is < 200 or > 4000 || height is < 150 or > 4000)
                {
                    throw new AnalyticsArgumentException("width must be 200 to 4000 and height 150 to 4000 pixels.");
                }
                var chart = await reports.ChartAsync(chartKind, query.ToRequest(slug), cancellationToken);
                return Results.File(
                    ChartRenderer.Render(chart, exportFormat, width ?? ChartRenderer.DefaultWidth, height ?? ChartRenderer.DefaultHeight),
                    exportFormat.MediaType());
            }))
            .WithSummary("A chart: trend, lifecycle, action-mix, score-distribution, segments or retention, as png, svg or json (the chart's data).");

        api.MapGet("/tables/{name}.{format}", (string slug, string name, string format, [AsParameters] AnalysisQuery query, CommunityReports reports, CancellationToken cancellationToken) =>
            Answer(slug, async () =>
            {
                var exportFormat = ExportFormats.Parse(format) is { } parsed && parsed.IsTableFormat()
                    ? parsed
                    : throw new AnalyticsArgumentException("A table is csv, xlsx or json.");
                var table = await reports.TableAsync(name, query.ToRequest(slug), cancellationToken);
                return Table(table, exportFormat, $"{name}-{slug}", cancellationToken);
            }))
            .WithSummary("A table: trend, comparison, scores, segments, stickiness or retention, as csv, xlsx or json.");

        api.MapGet("/trend/members", (string slug, [AsParameters] AnalysisQuery query, string day, string metric, CommunityAnalytics analytics, CancellationToken cancellationToken) =>
            Answer(slug, async () =>
            {
                var request = query.ToRequest(slug);
                var date = AnalyticsArguments.ParseDay(day, "day") ?? throw new AnalyticsArgumentException("day is required.");
                var chosen = Enum.TryParse<TrendMetric>(metric, ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new AnalyticsArgumentException($"metric is one of {string.Join(", ", Enum.GetNames<TrendMetric>()).ToLowerInvariant()}.");
                var members = await analytics.TrendMembersAsync(slug, request.From, request.To, request.Granularity, date, chosen, cancellationToken);
                return Results.Ok(new { metric = chosen.ToString().ToLowerInvariant(), day = date, count = members.Count, members });
            }))
            .WithSummary("The members behind one number of the trend: metric (active, new, returning, resurrecting, dormant, gained, lost, members) in the period containing day.");

        return app;
    }

    /// <summary>The query parameters every analysis understands.</summary>
    public sealed record AnalysisQuery(
        [property: FromQuery(Name = "from")] string? From,
        [property: FromQuery(Name = "to")] string? To,
        [property: FromQuery(Name = "granularity")] string? Granularity,
        [property: FromQuery(Name = "asOf")] string? AsOf,
        [property: FromQuery(Name = "window")] int? Window,
        [property: FromQuery(Name = "inactiveAfter")] int? InactiveAfter,
        [property: FromQuery(Name = "weights")] string? Weights)
    {
        public AnalysisRequest ToRequest(string slug) => new(slug)
        {
            From = AnalyticsArguments.ParseDay(From, "from"),
            To = AnalyticsArguments.ParseDay(To, "to"),
            Granularity = Periods.Parse(Granularity),
            AsOf = AnalyticsArguments.ParseDay(AsOf, "asOf"),
            WindowDays = Window,
            InactiveAfterDays = InactiveAfter,
            Weights = AnalyticsArguments.ParseWeights(Weights),
        };
    }

    private static async Task<IResult> Answer(string slug, Func<Task<IResult>> work)
    {
        try
        {
            return await work();
        }
        catch (AnalyticsArgumentException ex)
        {
            return Results.Problem(title: "Invalid analysis parameters", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (CommunityNotFoundException)
        {
            return Problems.CommunityNotFound(slug);
        }
    }

    private static IResult Table(ReportTable table, ExportFormat format, string fileName, CancellationToken cancellationToken) =>
        Results.Stream(
            stream => TableExport.WriteAsync(table, format, stream, cancellationToken),
            format.MediaType(),
            format == ExportFormat.Json ? null : $"{fileName}.{format.Extension()}");
}

using System.Globalization;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Reports;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Reports;
using Actionlytics.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
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

        api.MapGet("/scores", async (string slug, [AsParameters] AnalysisQuery query, string? format, int? limit, HttpContext http, CommunityAnalytics analytics, InactivityScorer scorer, CancellationToken cancellationToken) =>
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
                IEnumerable<MemberScore> rows = scorer.Matching(result, request.Segment, request.Profile);
                rows = limit is > 0 ? rows.Take(limit.Value) : rows;
                return Table(ReportTables.Scores(rows), exportFormat, $"scores-{slug}-{result.Parameters.AsOf:yyyy-MM-dd}", cancellationToken);
            })
            .ProducesFiles(ExportFormat.Json, ExportFormat.Csv, ExportFormat.Xlsx)
            .WithSummary("Inactive members scored on recency, constancy and frequency, highest first: member_id,last_active_date,recency_days,active_days,constancy_days,score,segment, then profile and explanation. format: json (default), csv or xlsx; segment, profile: only those members.");

        api.MapGet("/stickiness/members", async (string slug, [AsParameters] AnalysisQuery query, int activeDays, CommunityAnalytics analytics, CancellationToken cancellationToken) =>
            {
                var request = query.ToRequest(slug);
                var members = await analytics.StickinessMembersAsync(slug, request.From, request.To, activeDays, cancellationToken);
                return TypedResults.Ok(new MemberList(members.Count, members) { ActiveDays = activeDays });
            })
            .WithSummary("The members active on exactly active_days days in the window (from, to).");

        api.MapGet("/retention/members", async (string slug, string cohort, int monthsLater, CommunityAnalytics analytics, CancellationToken cancellationToken) =>
            {
                var month = AnalyticsArguments.ParseDay(cohort.Length == 7 ? cohort + "-01" : cohort, "cohort") ?? throw new AnalyticsArgumentException("cohort is required (YYYY-MM).");
                var members = await analytics.RetentionMembersAsync(slug, month, monthsLater, cancellationToken);
                return TypedResults.Ok(new MemberList(members.Count, members) { Cohort = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), MonthsLater = monthsLater });
            })
            .WithSummary("The members of a retention cohort (YYYY-MM of first activity) active monthsLater months after it.");

        api.MapGet("/charts/{kind}.{format}", async (string slug, string kind, string format, [AsParameters] AnalysisQuery query, int? width, int? height, CommunityReports reports, CancellationToken cancellationToken) =>
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
                return TypedResults.File(
                    ChartRenderer.Render(chart, exportFormat, width ?? ChartRenderer.DefaultWidth, height ?? ChartRenderer.DefaultHeight),
                    exportFormat.MediaType());
            })
            .ProducesFiles(ExportFormat.Png, ExportFormat.Svg, ExportFormat.Json)
            .WithSummary("A chart: trend, lifecycle, action-mix, score-distribution, segments or retention, as png, svg or json (the chart's data). Takes every analysis parameter (from, to, granularity, action, segment, profile, asOf, window, inactiveAfter, weights).");

        api.MapGet("/tables/{name}.{format}", async (string slug, string name, string format, [AsParameters] AnalysisQuery query, CommunityReports reports, CancellationToken cancellationToken) =>
            {
                var exportFormat = ExportFormats.Parse(format) is { } parsed && parsed.IsTableFormat()
                    ? parsed
                    : throw new AnalyticsArgumentException("A table is csv, xlsx or json.");
                var table = await reports.TableAsync(name, query.ToRequest(slug), cancellationToken);
                return Table(table, exportFormat, $"{name}-{slug}", cancellationToken);
            })
            .ProducesFiles(ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Json)
            .WithSummary("A table: trend, comparison, scores, segments, stickiness or retention, as csv, xlsx or json. Takes every analysis parameter, like the charts.");

        api.MapGet("/trend/members", async (string slug, [AsParameters] AnalysisQuery query, string day, string metric, CommunityAnalytics analytics, CancellationToken cancellationToken) =>
            {
                var request = query.ToRequest(slug);
                var date = AnalyticsArguments.ParseDay(day, "day") ?? throw new AnalyticsArgumentException("day is required.");
                var chosen = Enum.TryParse<TrendMetric>(metric, ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new AnalyticsArgumentException($"metric is one of {string.Join(", ", Enum.GetNames<TrendMetric>()).ToLowerInvariant()}.");
                var members = await analytics.TrendMembersAsync(slug, request.From, request.To, request.Granularity, date, chosen, cancellationToken);
                return TypedResults.Ok(new MemberList(members.Count, members) { Metric = chosen.ToString().ToLowerInvariant(), Day = date });
            })
            .WithSummary("The members behind one number of the trend: metric (active, new, returning, resurrecting, dormant, gained, lost, members) in the period containing day.");

        return app;
    }

    /// <summary>The query parameters every analysis understands: the names of <see cref="AnalysisQueryString"/>, which the tools' links are written with.</summary>
    public sealed record AnalysisQuery(
        [property: FromQuery(Name = AnalysisQueryString.From)] string? From,
        [property: FromQuery(Name = AnalysisQueryString.To)] string? To,
        [property: FromQuery(Name = AnalysisQueryString.Granularity)] string? Granularity,
        [property: FromQuery(Name = AnalysisQueryString.PreviousFrom)] string? PreviousFrom,
        [property: FromQuery(Name = AnalysisQueryString.PreviousTo)] string? PreviousTo,
        [property: FromQuery(Name = AnalysisQueryString.Action)] string? Action,
        [property: FromQuery(Name = AnalysisQueryString.Segment)] string? Segment,
        [property: FromQuery(Name = AnalysisQueryString.Profile)] string? Profile,
        [property: FromQuery(Name = AnalysisQueryString.AsOf)] string? AsOf,
        [property: FromQuery(Name = AnalysisQueryString.Window)] string? Window,
        [property: FromQuery(Name = AnalysisQueryString.InactiveAfter)] string? InactiveAfter,
        [property: FromQuery(Name = AnalysisQueryString.Weights)] string? Weights)
    {
        public AnalysisRequest ToRequest(string slug) => AnalysisQueryString.Parse(slug, name => name switch
        {
            AnalysisQueryString.From => From,
            AnalysisQueryString.To => To,
            AnalysisQueryString.Granularity => Granularity,
            AnalysisQueryString.PreviousFrom => PreviousFrom,
            AnalysisQueryString.PreviousTo => PreviousTo,
            AnalysisQueryString.Action => Action,
            AnalysisQueryString.Segment => Segment,
            AnalysisQueryString.Profile => Profile,
            AnalysisQueryString.AsOf => AsOf,
            AnalysisQueryString.Window => Window,
            AnalysisQueryString.InactiveAfter => InactiveAfter,
            AnalysisQueryString.Weights => Weights,
            _ => null,
        });
    }

    /// <summary>The members behind a number, with what selected them.</summary>
    public sealed record MemberList(int Count, IReadOnlyList<string> Members)
    {
        public string? Metric { get; init; }

        public DateOnly? Day { get; init; }

        public int? ActiveDays { get; init; }

        public string? Cohort { get; init; }

        public int? MonthsLater { get; init; }
    }

    private static PushStreamHttpResult Table(ReportTable table, ExportFormat format, string fileName, CancellationToken cancellationToken) =>
        TypedResults.Stream(
            stream => TableExport.WriteAsync(table, format, stream, cancellationToken),
            format.MediaType(),
            format == ExportFormat.Json ? null : $"{fileName}.{format.Extension()}");
}

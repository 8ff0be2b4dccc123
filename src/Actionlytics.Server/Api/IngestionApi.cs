using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Ingestion;
using Actionlytics.Server.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Api;

/// <summary>
/// <c>POST /api/communities/{slug}/events</c> and <c>/members</c>: the same contract, validation and answers as
/// the CLI. The body is CSV (<c>text/csv</c>), NDJSON (<c>application/x-ndjson</c>) or a JSON array (<c>application/json</c>).
/// </summary>
public static class IngestionApi
{
    public static IHostApplicationBuilder AddIngestionApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IngestionOptions>().Bind(builder.Configuration.GetSection(IngestionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{slug}").WithTags("Ingestion");

        api.MapPost("/events", (string slug, HttpContext http, [AsParameters] ImportQuery query, EventImporter importer, IOptions<IngestionOptions> limits, CancellationToken cancellationToken) =>
            ImportAsync(http, slug, query, limits.Value, (body, format, options) => importer.ImportAsync(slug, body, format, options, null, cancellationToken), cancellationToken))
            .RequireCommunityAccess(write: true)
            .Accepts<string>("text/csv", "application/x-ndjson", "application/json")
            .Produces<ImportReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Import activity events. Any invalid row imports nothing (422 lists them with their line) unless skipInvalid=true; repeated event ids are stored once.");

        api.MapPost("/members", (string slug, HttpContext http, [AsParameters] ImportQuery query, MemberImporter importer, IOptions<IngestionOptions> limits, CancellationToken cancellationToken) =>
            ImportAsync(http, slug, query, limits.Value, (body, format, options) => importer.ImportAsync(slug, body, format, options, null, cancellationToken), cancellationToken))
            .RequireCommunityAccess(write: true)
            .Accepts<string>("text/csv", "application/x-ndjson", "application/json")
            .Produces<ImportReport>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Import or update members. Any invalid row imports nothing (422 lists them with their line) unless skipInvalid=true.");

        return app;
    }

    /// <summary>Query options of an import request.</summary>
    public sealed record ImportQuery(
        [property: FromQuery(Name = "skipInvalid")] bool? SkipInvalid,
        [property: FromQuery(Name = "assumeTimeZone")] string? AssumeTimeZone,
        [property: FromQuery(Name = "createMembers")] bool? CreateMembers);

    private static async Task<IResult> ImportAsync(
        HttpContext http, string slug, ImportQuery query, IngestionOptions limits,
        Func<Stream, ImportFormat, ImportOptions, Task<ImportReport>> import, CancellationToken cancellationToken)
    {
        var format = ImportFormats.FromContentType(http.Request.ContentType);
        if (format is null)
        {
            return TypedResults.Problem(
                title: "Unsupported body format",
                detail: "Send text/csv, application/x-ndjson (one JSON object per line) or application/json (an array of objects).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (query.AssumeTimeZone is { } zone && !CommunityCalendar.IsKnownZone(zone))
        {
            return TypedResults.Problem(title: "Unknown time zone", detail: $"'{zone}' is not an IANA time zone such as Europe/Paris.", statusCode: StatusCodes.Status400BadRequest);
        }

        // The importer reads on its own thread, synchronously: give it the body as a local file it may read that way.
        await using var body = new FileStream(
            Path.Combine(Path.GetTempPath(), $"actionlytics-import-{Guid.NewGuid():N}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (!await TryBufferBodyAsync(http, body, limits.MaxBodyBytes, cancellationToken))
        {
            return TypedResults.Problem(
                title: "Body too large",
                detail: $"Imports over HTTP are limited to {limits.MaxBodyBytes:N0} bytes; split the file or use the CLI (actionlytics import).",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        body.Position = 0;

        var options = new ImportOptions
        {
            SkipInvalid = query.SkipInvalid ?? false,
            AssumeTimeZone = query.AssumeTimeZone,
            CreateUnknownMembers = query.CreateMembers ?? true,
        };
        {
            var report = await import(body, format.Value, options);
            return report.Committed
                ? TypedResults.Ok(report)
                : TypedResults.Problem(
                    title: "Invalid rows: nothing was imported",
                    detail: $"{report.Invalid:N0} of {report.RowsRead:N0} rows are invalid. Fix them, or send skipInvalid=true to import the valid rows.",
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    extensions: new Dictionary<string, object?>
                    {
                        ["rows_read"] = report.RowsRead,
                        ["invalid"] = report.Invalid,
                        ["errors"] = report.Errors,
                    });
        }
    }

    private static async Task<bool> TryBufferBodyAsync(HttpContext http, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return false;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = maxBytes + 1; // our own count below decides, with a clear answer
        }

        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return false;
            }
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return true;
    }
}

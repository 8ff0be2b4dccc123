using Actionlytics.Reports;

namespace Actionlytics.Server.Api;

/// <summary>
/// Declares, for the OpenAPI document, the files an endpoint answers with: file results carry no metadata of their own,
/// so without this a chart or an export would be described as an empty 200.
/// </summary>
public static class FileResponses
{
    public static RouteHandlerBuilder ProducesFiles(this RouteHandlerBuilder builder, params ExportFormat[] formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var mediaTypes = formats.Select(f => f.MediaType().Split(';')[0]).Distinct().ToArray();
        return builder.Produces<byte[]>(StatusCodes.Status200OK, mediaTypes[0], mediaTypes[1..]);
    }

    /// <summary>Any stored file: charts and exports a tool made, images for Teams.</summary>
    public static RouteHandlerBuilder ProducesAnyFile(this RouteHandlerBuilder builder) =>
        builder.ProducesFiles(Enum.GetValues<ExportFormat>());
}

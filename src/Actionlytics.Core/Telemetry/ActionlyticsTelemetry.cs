using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Actionlytics.Core.Telemetry;

/// <summary>The product's traces and metrics (OpenTelemetry picks them up by <see cref="SourceName"/>).</summary>
public static class ActionlyticsTelemetry
{
    public const string SourceName = "Actionlytics";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    /// <summary>Rows read by imports, tagged with the kind of import and the outcome.</summary>
    public static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>("actionlytics.import.rows", "{row}", "Rows processed by imports");
}

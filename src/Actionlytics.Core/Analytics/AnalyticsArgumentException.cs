namespace Actionlytics.Core.Analytics;

/// <summary>An analysis was asked with parameters that cannot give a right answer (a zero window, negative weights...).</summary>
public sealed class AnalyticsArgumentException(string message) : Refusals.RefusalException(Refusals.RefusalKind.InvalidInput, message);

namespace Actionlytics.Core.Reports;

/// <summary>
/// A table any analysis can be exported as (CSV, XLSX, JSON). Values are strings, whole numbers, rounded decimals,
/// booleans or days; rows are streamed, so a million scores are never all in memory as text.
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IEnumerable<object?[]> Rows);

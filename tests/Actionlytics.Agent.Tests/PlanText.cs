using Actionlytics.Agent.Planning;

namespace Actionlytics.Agent.Tests;

/// <summary>A plan written on one line for assertions: "tool key=value,... ; tool ...", or its outcome and the words it could not place.</summary>
internal static class PlanText
{
    public static string Of(Plan plan) => plan.Outcome == PlanOutcome.Calls
        ? string.Join(" ; ", plan.Calls.Select(c => c.Name + " " + string.Join(",", c.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))))
        : plan.Outcome + " " + string.Join(",", plan.Unplaced);
}

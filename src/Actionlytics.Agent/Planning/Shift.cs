namespace Actionlytics.Agent.Planning;

/// <summary>
/// How far a follow-up moves the day or the period asked before: "and a year later?" is +1 year, « Et six mois plus
/// tôt ? » -6 months. Whole months and years move by the calendar, so the last day of a month stays the last day.
/// </summary>
/// <param name="Amount">How many units, negative to move back.</param>
/// <param name="UnitDays">The unit as the grammar measures it: 1, 7, 30 (a month), 180 (half a year) or 365 (a year).</param>
public sealed record Shift(int Amount, int UnitDays)
{
    public DateOnly Apply(DateOnly day) => UnitDays switch
    {
        30 => EndOfMonthKept(day, Amount),
        180 => EndOfMonthKept(day, 6 * Amount),
        365 => EndOfMonthKept(day, 12 * Amount),
        _ => day.AddDays(Amount * UnitDays),
    };

    /// <summary>A day moved by whole months; the last day of a month stays the last day (29 February 2024 a year on is 28 February 2025).</summary>
    public static DateOnly EndOfMonthKept(DateOnly day, int months) =>
        day.AddDays(1).Day == 1 ? new DateOnly(day.Year, day.Month, 1).AddMonths(months + 1).AddDays(-1) : day.AddMonths(months);
}

namespace Actionlytics.Core.Ingestion;

/// <summary>
/// The named fields one kind of import understands. Fields outside the contract are kept, as a JSON object,
/// in <see cref="ExtrasField"/> (an event's metadata, a member's attributes).
/// </summary>
public sealed record ImportContract(string Kind, IReadOnlyList<string> Columns, int RequiredCount, string ExtrasField)
{
    /// <summary>Events: <c>event_id,member_id,occurred_at,action</c> required; <c>content_id,channel</c> optional.</summary>
    public static ImportContract Events { get; } = new(
        "events", ["event_id", "member_id", "occurred_at", "action", "content_id", "channel"], RequiredCount: 4, ExtrasField: "metadata");

    /// <summary>Members: <c>member_id</c> required; <c>display_name,email,locale,joined_at,opt_out</c> optional.</summary>
    public static ImportContract Members { get; } = new(
        "members", ["member_id", "display_name", "email", "locale", "joined_at", "opt_out"], RequiredCount: 1, ExtrasField: "attributes");

    public IEnumerable<string> RequiredColumns => Columns.Take(RequiredCount);

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}

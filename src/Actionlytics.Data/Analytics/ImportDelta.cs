using Actionlytics.Core.Activity;

namespace Actionlytics.Data.Analytics;

/// <summary>What an event import added: new members and member-day counts, so in-memory indexes can catch up without a rebuild.</summary>
public sealed class ImportDelta
{
    /// <summary>Beyond this many member-days, rebuilding the index is as cheap as applying them.</summary>
    public const int MaxMemberDays = 200_000;

    public List<(long MemberId, string ExternalId, DateOnly? Joined)> NewMembers { get; } = [];

    public List<(long MemberId, DateOnly Day, ActionCounts Counts)> MemberDays { get; } = [];

    /// <summary>True once the import grew past what is worth applying piece by piece.</summary>
    public bool TooLarge { get; private set; }

    public void AddMemberDay(long memberId, DateOnly day, ActionCounts counts)
    {
        if (TooLarge)
        {
            return;
        }
        if (MemberDays.Count >= MaxMemberDays)
        {
            TooLarge = true;
            MemberDays.Clear();
            NewMembers.Clear();
            return;
        }
        MemberDays.Add((memberId, day, counts));
    }

    public void AddMember(long memberId, string externalId, DateOnly? joined)
    {
        if (!TooLarge)
        {
            NewMembers.Add((memberId, externalId, joined));
        }
    }
}

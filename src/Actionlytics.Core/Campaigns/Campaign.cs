namespace Actionlytics.Core.Campaigns;

/// <summary>
/// A reactivation campaign: an audience snapshotted at drafting, split into variant groups and a holdout, a goal, and
/// the variants' messages. Its state moves only through the methods below, which hold the rules: only the exact version
/// a manager approved can be sent, and any edit voids the approval.
/// </summary>
public sealed class Campaign
{
    public const double DefaultHoldoutShare = 0.10;

    public long Id { get; set; }

    public int CommunityId { get; set; }

    public required string Name { get; set; }

    /// <summary>The segment (or saved segment) the audience came from, as the manager named it.</summary>
    public required string Segment { get; set; }

    public string? Profile { get; set; }

    public DeliveryChannel Channel { get; set; }

    /// <summary>The action that counts as a return; null: any action.</summary>
    public string? GoalAction { get; set; }

    /// <summary>A member who acts within this many days of the send counts as reactivated.</summary>
    public int GoalDays { get; set; }

    public double HoldoutShare { get; set; }

    /// <summary>The seed of the group assignment: the same seed and audience give the same groups.</summary>
    public int Seed { get; set; }

    public CampaignState State { get; set; }

    /// <summary>Increases with every edit; approval names the version it approves.</summary>
    public int Version { get; set; } = 1;

    public required IReadOnlyList<CampaignVariantSpec> Variants { get; set; }

    public int AudienceSize { get; set; }

    /// <summary>The share of such members who came back on their own in the past, measured at drafting.</summary>
    public double BaselineRate { get; set; }

    /// <summary>The smallest absolute uplift the groups can detect (80% power, 5% significance), computed at drafting.</summary>
    public double MinimumDetectableEffect { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The version the manager approved; sending requires it to be the current one.</summary>
    public int? ApprovedVersion { get; set; }

    public string? RejectionReason { get; set; }

    public DateTimeOffset? ScheduledFor { get; set; }

    public DateTimeOffset? SendStartedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? ConcludedAt { get; set; }

    /// <summary>The campaign whose results allocated this one's groups (a next wave), if any.</summary>
    public long? PreviousWaveId { get; set; }

    public bool IsApprovedAsIs => ApprovedVersion == Version && State is CampaignState.Approved or CampaignState.Scheduled or CampaignState.Sending
        or CampaignState.Sent or CampaignState.Measuring or CampaignState.Concluded;

    /// <summary>When the goal window closes for the last message sent; null before sending.</summary>
    public DateTimeOffset? MeasuredUntil => SendStartedAt?.AddDays(GoalDays);

    public void RequestApproval(DateTimeOffset now)
    {
        Require(State is CampaignState.Draft or CampaignState.Rejected, "request approval for");
        State = CampaignState.PendingApproval;
        UpdatedAt = now;
    }

    /// <summary>New variants: a new version, and any approval or rejection is void (the manager decides again).</summary>
    public void Edit(IReadOnlyList<CampaignVariantSpec> variants, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(variants);
        Require(State is CampaignState.Draft or CampaignState.PendingApproval or CampaignState.Approved or CampaignState.Rejected, "edit");
        if (variants.Count != Variants.Count || variants.Select(v => v.Name).Except(Variants.Select(v => v.Name)).Any())
        {
            throw new CampaignStateException("An edit keeps the same variants (the groups are already assigned): change their messages, need or tone.");
        }
        Variants = variants;
        Version++;
        ApprovedVersion = null;
        DecidedBy = null;
        DecidedAt = null;
        RejectionReason = null;
        State = CampaignState.PendingApproval;
        UpdatedAt = now;
    }

    public void Approve(string manager, int version, DateTimeOffset now)
    {
        Require(State == CampaignState.PendingApproval, "approve");
        RequireVersion(version);
        State = CampaignState.Approved;
        ApprovedVersion = version;
        DecidedBy = manager;
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void Reject(string manager, int version, string? reason, DateTimeOffset now)
    {
        Require(State == CampaignState.PendingApproval, "reject");
        RequireVersion(version);
        State = CampaignState.Rejected;
        DecidedBy = manager;
        DecidedAt = now;
        RejectionReason = reason;
        UpdatedAt = now;
    }

    /// <summary>Sending starts at <paramref name="at"/> (now when null or past): scheduled until then.</summary>
    public void Schedule(DateTimeOffset? at, DateTimeOffset now)
    {
        if (State == CampaignState.PendingApproval)
        {
            // Also what an edit after approval leads to: the edit put the campaign back here.
            throw new CampaignStateException($"Campaign {Id} version {Version} is pending approval: it can be sent once a manager approves this version.");
        }
        Require(State == CampaignState.Approved, "send");
        if (ApprovedVersion != Version)
        {
            throw new CampaignStateException($"Campaign {Id} version {Version} is not the approved version: approve it again.");
        }
        ScheduledFor = (at is { } when && when > now ? when : now).ToUniversalTime();
        State = CampaignState.Scheduled;
        UpdatedAt = now;
    }

    public void StartSending(DateTimeOffset now)
    {
        Require(State == CampaignState.Scheduled, "start sending");
        State = CampaignState.Sending;
        SendStartedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Every message is delivered, skipped or failed for good: the goal window is now being measured.</summary>
    public void FinishSending(DateTimeOffset now)
    {
        Require(State == CampaignState.Sending, "finish sending");
        State = CampaignState.Sent;
        SentAt = now;
        UpdatedAt = now;
    }

    public void StartMeasuring(DateTimeOffset now)
    {
        Require(State == CampaignState.Sent, "start measuring");
        State = CampaignState.Measuring;
        UpdatedAt = now;
    }

    public void Conclude(DateTimeOffset now)
    {
        Require(State == CampaignState.Measuring, "conclude");
        State = CampaignState.Concluded;
        ConcludedAt = now;
        UpdatedAt = now;
    }

    private void Require(bool allowed, string verb)
    {
        if (!allowed)
        {
            throw new CampaignStateException($"Campaign {Id} is {Describe(State)}: you cannot {verb} it now.");
        }
    }

    private void RequireVersion(int version)
    {
        if (version != Version)
        {
            throw new CampaignStateException($"Campaign {Id} is at version {Version}, not {version}: it changed since you saw it. Review version {Version} and decide again.");
        }
    }

    /// <summary>The state as a manager reads it: <c>pending approval</c>.</summary>
    public static string Describe(CampaignState state) => state switch
    {
        CampaignState.PendingApproval => "pending approval",
        _ => state.ToString().ToLowerInvariant(),
    };
}

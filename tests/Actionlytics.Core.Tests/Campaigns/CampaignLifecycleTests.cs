using Actionlytics.Core.Campaigns;

namespace Actionlytics.Core.Tests.Campaigns;

public sealed class CampaignLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static CampaignVariantSpec Variant(string name, string subject = "Hello {{first_name}}") =>
        new(name, "competence", "warm", ["quiz-failure-recovery"], new Dictionary<string, MessageTemplate> { ["en"] = new(subject, "Body for {{first_name}}.") });

    private static Campaign Pending()
    {
        var campaign = new Campaign { Id = 7, Name = "c", Segment = "s", CreatedBy = "local", Variants = [Variant("A"), Variant("B")], GoalDays = 14 };
        campaign.RequestApproval(Now);
        return campaign;
    }

    [Fact]
    public void Approval_names_the_version_it_approves_and_an_edit_voids_it()
    {
        var campaign = Pending();
        campaign.Approve("dana", 1, Now);
        Assert.True(campaign.IsApprovedAsIs);

        campaign.Edit([Variant("A", "Changed {{first_name}}"), Variant("B")], Now);

        Assert.Equal((CampaignState.PendingApproval, 2, (int?)null), (campaign.State, campaign.Version, campaign.ApprovedVersion));
        Assert.False(campaign.IsApprovedAsIs);
        var send = Assert.Throws<CampaignStateException>(() => campaign.Schedule(null, Now));
        Assert.Contains("version 2 is pending approval", send.Message, StringComparison.Ordinal);
        Assert.Throws<CampaignStateException>(() => campaign.Approve("dana", 1, Now));
        campaign.Approve("dana", 2, Now);
        campaign.Schedule(null, Now);
        Assert.Equal(CampaignState.Scheduled, campaign.State);
    }

    [Fact]
    public void Moves_from_scheduled_to_concluded_only_in_order()
    {
        var campaign = Pending();
        Assert.Throws<CampaignStateException>(() => campaign.StartSending(Now));
        campaign.Approve("dana", 1, Now);
        campaign.Schedule(Now.AddHours(2), Now);
        Assert.Equal(Now.AddHours(2), campaign.ScheduledFor);
        campaign.StartSending(Now.AddHours(2));
        Assert.Throws<CampaignStateException>(() => campaign.Edit([Variant("A"), Variant("B")], Now));
        campaign.FinishSending(Now.AddHours(3));
        campaign.StartMeasuring(Now.AddHours(3));
        Assert.Equal(Now.AddHours(2).AddDays(14), campaign.MeasuredUntil);
        campaign.Conclude(Now.AddDays(20));
        Assert.Equal(CampaignState.Concluded, campaign.State);
    }

    [Fact]
    public void A_rejected_campaign_is_not_sent_and_an_edit_puts_it_back_for_approval()
    {
        var campaign = Pending();
        campaign.Reject("dana", 1, "Too pushy", Now);
        Assert.Throws<CampaignStateException>(() => campaign.Schedule(null, Now));
        campaign.Edit([Variant("A", "Softer {{first_name}}"), Variant("B")], Now);
        Assert.Equal((CampaignState.PendingApproval, null), (campaign.State, campaign.RejectionReason));
    }

    [Fact]
    public void An_edit_cannot_add_or_rename_variants_because_the_groups_are_assigned()
    {
        var campaign = Pending();
        Assert.Throws<CampaignStateException>(() => campaign.Edit([Variant("A"), Variant("C")], Now));
        Assert.Throws<CampaignStateException>(() => campaign.Edit([Variant("A")], Now));
        Assert.Equal(1, campaign.Version);
    }
}

using Actionlytics.Core.Members;

namespace Actionlytics.Core.Campaigns;

/// <summary>How a campaign's messages reach members.</summary>
public enum DeliveryChannel
{
    Email,
    Teams,
    Webhook,
}

public static class DeliveryChannels
{
    /// <summary>The opt-out flag that stops messages on this channel.</summary>
    public static ContactChannels OptOutFlag(this DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => ContactChannels.Email,
        DeliveryChannel.Teams => ContactChannels.Teams,
        _ => ContactChannels.Webhook,
    };
}

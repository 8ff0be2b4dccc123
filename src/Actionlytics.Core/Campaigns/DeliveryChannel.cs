namespace Actionlytics.Core.Campaigns;

/// <summary>How a campaign's messages reach members.</summary>
public enum DeliveryChannel
{
    Email,
    Teams,
    Webhook,
}

namespace Actionlytics.Campaigns;

/// <summary>A campaign request that cannot be carried out as asked; the message says what to change.</summary>
public sealed class CampaignArgumentException(string message) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.InvalidInput, message);

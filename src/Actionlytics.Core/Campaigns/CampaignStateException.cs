namespace Actionlytics.Core.Campaigns;

/// <summary>A campaign cannot do that in its current state (or the version named is not the current one).</summary>
public sealed class CampaignStateException(string message) : Refusals.RefusalException(Refusals.RefusalKind.Conflict, message);

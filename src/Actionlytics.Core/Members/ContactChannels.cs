namespace Actionlytics.Core.Members;

/// <summary>Channels through which a member may be contacted; used for opt-outs.</summary>
[Flags]
public enum ContactChannels
{
    None = 0,
    Email = 1,
    Teams = 2,
    Webhook = 4,
    All = Email | Teams | Webhook,
}

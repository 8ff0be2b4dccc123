namespace Actionlytics.Core.Communities;

/// <summary>What a person may do in a community; each role includes the ones before it.</summary>
public enum CommunityRole
{
    /// <summary>Reads analyses, charts and campaign results.</summary>
    Viewer = 1,

    /// <summary>Also asks the agent for proposals, drafts campaigns and approves or rejects them.</summary>
    Manager = 2,

    /// <summary>Also grants roles.</summary>
    Admin = 3,
}

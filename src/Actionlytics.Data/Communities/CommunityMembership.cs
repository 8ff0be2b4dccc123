using Actionlytics.Core.Communities;

namespace Actionlytics.Data.Communities;

/// <summary>A person's role in a community. People are named as the channels know them (<c>local</c>, <c>key:NAME</c>, a Teams or OIDC id).</summary>
public sealed class CommunityMembership
{
    public int CommunityId { get; init; }

    public required string UserId { get; init; }

    public CommunityRole Role { get; set; }
}

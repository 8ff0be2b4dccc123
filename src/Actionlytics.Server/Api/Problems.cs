namespace Actionlytics.Server.Api;

/// <summary>RFC 7807 answers shared by the API's endpoints.</summary>
internal static class Problems
{
    public static IResult CommunityNotFound(string slug) =>
        Results.Problem(title: "Community not found", detail: $"No community '{slug}'.", statusCode: StatusCodes.Status404NotFound);
}

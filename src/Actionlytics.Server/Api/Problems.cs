using Actionlytics.Agent.Chat;
using Actionlytics.Campaigns;
using Actionlytics.Core.Campaigns;
using Actionlytics.Data.Communities;

namespace Actionlytics.Server.Api;

/// <summary>RFC 7807 answers shared by the API's endpoints.</summary>
internal static class Problems
{
    public static IResult CommunityNotFound(string slug) =>
        Results.Problem(title: "Community not found", detail: $"No community '{slug}'.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Runs an endpoint's work with the domain's refusals turned into their problem answers (the chat and campaign APIs share them).</summary>
    public static async Task<IResult> GuardAsync(Func<Task<IResult>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (ProblemFor(e) is { } problem)
        {
            return problem;
        }
    }

    private static IResult? ProblemFor(Exception e) => e switch
    {
        ChatRequestException => Problem("Cannot answer that request", e, StatusCodes.Status400BadRequest),
        CampaignArgumentException => Problem("Cannot do this", e, StatusCodes.Status400BadRequest),
        RoleRequiredException => Problem("Not allowed", e, StatusCodes.Status403Forbidden),
        ChatNotFoundException => Problem("Not found", e, StatusCodes.Status404NotFound),
        CommunityNotFoundException => Problem("Community not found", e, StatusCodes.Status404NotFound),
        CampaignNotFoundException => Problem("Campaign not found", e, StatusCodes.Status404NotFound),
        CampaignStateException => Problem("Not in this state", e, StatusCodes.Status409Conflict),
        _ => null,
    };

    private static IResult Problem(string title, Exception e, int status) => Results.Problem(title: title, detail: e.Message, statusCode: status);
}

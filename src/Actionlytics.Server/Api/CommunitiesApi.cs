using Actionlytics.Data.Communities;
using Actionlytics.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actionlytics.Server.Api;

/// <summary><c>/api/communities</c>: list, read and create communities.</summary>
public static class CommunitiesApi
{
    public static IEndpointRouteBuilder MapCommunitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities").WithTags("Communities");

        api.MapGet("/", async (CommunityDirectory communities, ApiAccess access, HttpContext http, CancellationToken cancellationToken) =>
        {
            var visible = new List<CommunitySummary>();
            foreach (var community in await communities.ListAsync(cancellationToken))
            {
                if (await access.CheckAsync(http, community.Slug, write: false) == ApiAccess.Verdict.Allowed)
                {
                    visible.Add(community);
                }
            }
            return TypedResults.Ok(visible);
        })
        .RequireCommunityAccess(write: false)
        .WithSummary("The communities this caller may see, with their number of members and events.");

        api.MapGet("/{slug}", async Task<Ok<CommunitySummary>> (string slug, CommunityDirectory communities, CancellationToken cancellationToken) =>
        {
            var community = await communities.GetAsync(slug, cancellationToken);
            return TypedResults.Ok(await communities.SummarizeAsync(community, cancellationToken));
        })
        .RequireCommunityAccess(write: false)
        .WithSummary("One community with the size of its data.");

        api.MapPost("/", async Task<Results<Created<CommunitySummary>, ProblemHttpResult>> (CreateCommunityRequest request, CommunityDirectory communities, ApiAccess access, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await access.CheckAsync(http, request.Slug, write: true) != ApiAccess.Verdict.Allowed)
            {
                return TypedResults.Problem(title: "Not allowed", detail: "This caller may not create communities.", statusCode: StatusCodes.Status403Forbidden);
            }
            var created = await communities.CreateAsync(request.Slug, request.Name, request.TimeZone, request.InactivityThresholdDays, access.CallerName(http), cancellationToken);
            return TypedResults.Created($"/api/communities/{created.Slug}", await communities.SummarizeAsync(created, cancellationToken));
        })
        .RequireCommunityAccess(write: true)
        .WithSummary("Create a community (slug, name, IANA time zone, inactivity threshold in days).");

        return app;
    }
}

/// <summary>A community to create.</summary>
public sealed record CreateCommunityRequest(string Slug, string? Name, string? TimeZone, int? InactivityThresholdDays);

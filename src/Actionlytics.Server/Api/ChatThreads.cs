using Actionlytics.Agent.Chat;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Actionlytics.Server.Security;

namespace Actionlytics.Server.Api;

/// <summary>
/// Resolves a thread for a chat request once: the thread, its community, and the access verdict of the same filter as
/// every other API. A thread of another user, or in a community the caller cannot read, is reported as missing.
/// </summary>
public sealed class ChatThreads(ConversationStore conversations, CommunityDirectory communities, ApiAccess access)
{
    public async Task<(ChatThread? Thread, Community? Community, IResult? Denied)> OpenAsync(HttpContext http, string id, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var thread = await conversations.FindThreadAsync(id, cancellationToken);
        var slug = thread is null ? null : await communities.SlugOfAsync(thread.CommunityId, cancellationToken);
        if (thread is null || slug is null || thread.UserId != access.CallerName(http))
        {
            throw new ChatNotFoundException($"No thread {id} for you.");
        }
        if (await ApiAccessEndpointExtensions.DeniedAsync(http, slug, write) is { } denied)
        {
            return (null, null, denied);
        }
        return (thread, await communities.GetAsync(slug, cancellationToken), null);
    }
}

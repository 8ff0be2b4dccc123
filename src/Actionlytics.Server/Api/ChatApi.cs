using System.Text.Json;
using System.Threading.Channels;
using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Tools;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Actionlytics.Server.Security;

namespace Actionlytics.Server.Api;

/// <summary>
/// The chat over HTTP: threads per user and community, a turn answered as JSON or streamed as server-sent events
/// (tool progress, the reply, artifacts, then the whole turn), approvals of proposals, and the artifacts' files.
/// Every call is checked against the thread's community; approving needs write access.
/// </summary>
public static class ChatApi
{
    public sealed record NewThread(string Community, string? Title);

    public sealed record NewMessage(string Text);

    public sealed record Decision(bool Approved);

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/api/chat").WithTags("Chat");

        chat.MapPost("/threads", async (NewThread body, HttpContext http, CommunityDirectory communities, ConversationStore conversations, CancellationToken cancellationToken) =>
        {
            if (await DeniedAsync(http, body.Community, write: false) is { } denied)
            {
                return denied;
            }
            var community = await communities.FindAsync(body.Community, cancellationToken);
            if (community is null)
            {
                return Problems.CommunityNotFound(body.Community);
            }
            var thread = await conversations.CreateThreadAsync(community.Id, Caller(http), string.IsNullOrWhiteSpace(body.Title) ? "New conversation" : body.Title.Trim(), cancellationToken);
            return Results.Created($"/api/chat/threads/{thread.Id}", new { id = thread.Id, community = community.Slug, title = thread.Title, created_at = thread.CreatedAt });
        }).WithSummary("Starts a conversation with the agent about a community: { \"community\": \"demo\", \"title\": \"...\" }.");

        chat.MapGet("/threads", async (string community, HttpContext http, AgentChat agent, CancellationToken cancellationToken) =>
            await DeniedAsync(http, community, write: false) ?? await Problems.GuardAsync(async () =>
                Results.Ok((await agent.ThreadsAsync(community, Caller(http), cancellationToken)).Select(t => new { id = t.Id, title = t.Title, updated_at = t.UpdatedAt }))))
            .WithSummary("The caller's conversations in a community, the latest first.");

        chat.MapGet("/threads/{id}", async (string id, HttpContext http, ConversationStore conversations, CommunityDirectory communities, AgentChat agent, CancellationToken cancellationToken) =>
            await WithThreadAsync(id, http, conversations, communities, write: false, async slug =>
                Results.Json(new
                {
                    id,
                    community = slug,
                    turns = (await agent.TranscriptAsync(slug, Caller(http), id, cancellationToken)).Select(t => new { question = t.Question, result = Json(t.Result) }),
                }, ToolJson.Options), cancellationToken))
            .WithSummary("A conversation's history: each question with its answer, tool calls, artifacts, citations and pending approvals.");

        chat.MapPost("/threads/{id}/messages", async (string id, NewMessage body, HttpContext http, ConversationStore conversations, CommunityDirectory communities, AgentChat agent, CancellationToken cancellationToken) =>
            await WithThreadAsync(id, http, conversations, communities, write: false, async slug =>
            {
                if (!http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
                {
                    return Results.Json(Json(await agent.AskAsync(slug, Caller(http), id, body.Text, cancellationToken)), ToolJson.Options);
                }
                await StreamAsync(http, progress => agent.AskAsync(slug, Caller(http), id, body.Text, cancellationToken, progress), cancellationToken);
                return Results.Empty;
            }, cancellationToken))
            .WithSummary("Asks the agent. With Accept: text/event-stream the reply streams as server-sent events: tool_started, tool_finished, artifact, answer (the reply in parts), done (the whole turn); otherwise one JSON turn.");

        chat.MapPost("/threads/{id}/approvals/{approvalId}", async (string id, string approvalId, Decision body, HttpContext http, ConversationStore conversations, CommunityDirectory communities, AgentChat agent, CancellationToken cancellationToken) =>
            await WithThreadAsync(id, http, conversations, communities, write: true, async slug =>
                Results.Json(Json(await agent.DecideAsync(slug, Caller(http), id, approvalId, body.Approved, cancellationToken)), ToolJson.Options), cancellationToken))
            .WithSummary("Approves or rejects a proposal of the thread ({ \"approved\": true }); approving runs exactly the proposed call. Needs write access to the community.");

        app.MapGet("/api/artifacts/{id}", async (string id, HttpContext http, ArtifactStore artifacts, CommunityDirectory communities, CancellationToken cancellationToken) =>
        {
            var artifact = await artifacts.FindAsync(id, cancellationToken);
            var slug = artifact is null ? null : await communities.SlugOfAsync(artifact.CommunityId, cancellationToken);
            if (artifact is null || slug is null)
            {
                return Results.Problem(title: "Artifact not found", statusCode: StatusCodes.Status404NotFound);
            }
            return await DeniedAsync(http, slug, write: false) ?? Results.File(artifact.Content, artifact.MediaType,
                artifact.MediaType.StartsWith("image/", StringComparison.Ordinal) ? null : artifact.FileName);
        }).WithTags("Chat").WithSummary("A chart or export a tool produced: images inline, other files as downloads.");
        return app;
    }

    private static async Task StreamAsync(HttpContext http, Func<IProgress<ChatEvent>, Task<TurnResult>> run, CancellationToken cancellationToken)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var events = Channel.CreateUnbounded<(string Event, object Data)>();
        var progress = new Progress(e => events.Writer.TryWrite((e.Kind, e)));
        var turn = Task.Run(async () =>
        {
            try
            {
                var result = await run(progress);
                foreach (var artifact in result.Artifacts)
                {
                    events.Writer.TryWrite(("artifact", artifact));
                }
                foreach (var part in result.Answer.Split("\n\n"))
                {
                    events.Writer.TryWrite(("answer", new { text = part + "\n\n" }));
                }
                events.Writer.TryWrite(("done", Json(result)));
            }
            catch (Exception e) when (e is ChatRequestException or ChatNotFoundException or CommunityNotFoundException)
            {
                events.Writer.TryWrite(("error", new { message = e.Message }));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The stream always ends with done or error; the details stay in the server's log.
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatApi)).LogError(e, "A streamed chat turn failed.");
                events.Writer.TryWrite(("error", new { message = "The turn failed on the server; nothing more was done. Try again." }));
            }
            finally
            {
                events.Writer.TryComplete();
            }
        }, cancellationToken);
        try
        {
            await foreach (var (name, data) in events.Reader.ReadAllAsync(cancellationToken))
            {
                await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, ToolJson.Options)}\n\n", cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            // The turn uses this request's services: it must end before they are disposed, even if the caller left.
            try
            {
                await turn;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Progress reported synchronously: events keep their order.</summary>
    private sealed class Progress(Action<ChatEvent> report) : IProgress<ChatEvent>
    {
        public void Report(ChatEvent value) => report(value);
    }

    private static async Task<IResult> WithThreadAsync(string id, HttpContext http, ConversationStore conversations, CommunityDirectory communities, bool write,
        Func<string, Task<IResult>> work, CancellationToken cancellationToken)
    {
        var thread = await conversations.FindThreadAsync(id, cancellationToken);
        var slug = thread is null ? null : await communities.SlugOfAsync(thread.CommunityId, cancellationToken);
        if (thread is null || slug is null || thread.UserId != Caller(http))
        {
            return Results.Problem(title: "Thread not found", detail: $"No thread {id} for you.", statusCode: StatusCodes.Status404NotFound);
        }
        return await DeniedAsync(http, slug, write) ?? await Problems.GuardAsync(() => work(slug));
    }

    private static Task<IResult?> DeniedAsync(HttpContext http, string slug, bool write) => ApiAccessEndpointExtensions.DeniedAsync(http, slug, write);

    private static string Caller(HttpContext http) => http.RequestServices.GetRequiredService<ApiAccess>().CallerName(http);

    private static object Json(TurnResult turn) => new
    {
        thread_id = turn.ThreadId,
        answer = turn.Answer,
        tool_calls = turn.ToolCalls.Select(c => new { name = c.Name, arguments = c.Arguments, result = c.Result }),
        artifacts = turn.Artifacts,
        citations = turn.Citations,
        pending_approvals = turn.PendingApprovals.Select(p => new { id = p.Id, tool = p.Tool, arguments = p.Arguments }),
    };
}

using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Actionlytics.Agent.Chat;
using Actionlytics.Agent.Tools;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Refusals;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Actionlytics.Reports;
using Actionlytics.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actionlytics.Server.Api;

/// <summary>
/// The chat over HTTP: threads per user and community, a turn answered as JSON or streamed as server-sent events
/// (tool progress, the answer's text as the model writes it, artifacts, then the whole turn), approvals of proposals,
/// and the artifacts' files. Every call resolves its thread and community once and checks access as the other APIs do.
/// </summary>
public static class ChatApi
{
    public sealed record NewThread(string Community, string? Title);

    public sealed record NewMessage(string Text);

    public sealed record Decision(bool Approved);

    public sealed record ThreadCreated(string Id, string Community, string Title, DateTimeOffset CreatedAt);

    public sealed record ThreadListed(string Id, string Title, DateTimeOffset UpdatedAt);

    public sealed record TranscriptTurn(string Question, TurnView Result);

    public sealed record Transcript(string Id, string Community, IReadOnlyList<TranscriptTurn> Turns);

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/api/chat").WithTags("Chat");

        chat.MapPost("/threads", async Task<IResult> (NewThread body, HttpContext http, CommunityDirectory communities, ConversationStore conversations, CancellationToken cancellationToken) =>
        {
            if (await ApiAccessEndpointExtensions.DeniedAsync(http, body.Community, write: false) is { } denied)
            {
                return denied;
            }
            var community = await communities.GetAsync(body.Community, cancellationToken);
            var thread = await conversations.CreateThreadAsync(community.Id, Caller(http), string.IsNullOrWhiteSpace(body.Title) ? "New conversation" : body.Title.Trim(), cancellationToken);
            return TypedResults.Created($"/api/chat/threads/{thread.Id}", new ThreadCreated(thread.Id, community.Slug, thread.Title, thread.CreatedAt));
        }).Produces<ThreadCreated>(StatusCodes.Status201Created).WithSummary("Starts a conversation with the agent about a community: { \"community\": \"demo\", \"title\": \"...\" }.");

        chat.MapGet("/threads", async Task<IResult> (string community, HttpContext http, AgentChat agent, CancellationToken cancellationToken) =>
            await ApiAccessEndpointExtensions.DeniedAsync(http, community, write: false) is { } denied
                ? denied
                : TypedResults.Ok((await agent.ThreadsAsync(community, Caller(http), cancellationToken)).Select(t => new ThreadListed(t.Id, t.Title, t.UpdatedAt))))
            .Produces<IEnumerable<ThreadListed>>().WithSummary("The caller's conversations in a community, the latest first.");

        chat.MapGet("/threads/{id}", async Task<IResult> (string id, HttpContext http, ChatThreads threads, AgentChat agent, CancellationToken cancellationToken) =>
        {
            var (thread, community, denied) = await threads.OpenAsync(http, id, write: false, cancellationToken);
            return denied ?? TypedResults.Ok(new Transcript(id, community!.Slug,
                [.. (await agent.TranscriptAsync(thread!, cancellationToken)).Select(t => new TranscriptTurn(t.Question, TurnView.Of(t.Result)))]));
        })
            .Produces<Transcript>().WithSummary("A conversation's history: each question with its answer, tool calls, artifacts, citations and pending approvals.");

        chat.MapPost("/threads/{id}/messages", async Task<IResult> (string id, NewMessage body, HttpContext http, ChatThreads threads, AgentChat agent, CancellationToken cancellationToken) =>
        {
            var (thread, community, denied) = await threads.OpenAsync(http, id, write: false, cancellationToken);
            if (denied is not null)
            {
                return denied;
            }
            if (!http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.Ok(TurnView.Of(await agent.AskAsync(community!, thread, Caller(http), body.Text, cancellationToken)));
            }
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatApi));
            return TypedResults.ServerSentEvents(StreamAsync(progress => agent.AskAsync(community!, thread, Caller(http), body.Text, cancellationToken, progress), logger, cancellationToken));
        })
        .Produces<TurnView>().Produces<ChatEvent>(contentType: "text/event-stream").WithSummary("Asks the agent. With Accept: text/event-stream the reply streams as server-sent events: tool_started, tool_finished, answer (the text as the model writes it), artifact, done (the whole turn) or error; otherwise one JSON turn.");

        chat.MapPost("/threads/{id}/approvals/{approvalId}", async Task<IResult> (string id, string approvalId, Decision body, HttpContext http, ChatThreads threads, AgentChat agent, CancellationToken cancellationToken) =>
        {
            var (thread, community, denied) = await threads.OpenAsync(http, id, write: true, cancellationToken);
            return denied ?? TypedResults.Ok(TurnView.Of(await agent.DecideAsync(community!, thread!, Caller(http), approvalId, body.Approved, cancellationToken)));
        })
            .Produces<TurnView>().WithSummary("Approves or rejects a proposal of the thread ({ \"approved\": true }); approving runs exactly the proposed call. Needs write access to the community.");

        app.MapGet("/api/artifacts/{id}", async Task<IResult> (string id, HttpContext http, ArtifactStore artifacts, CommunityDirectory communities, CancellationToken cancellationToken) =>
        {
            var artifact = await artifacts.FindAsync(id, cancellationToken);
            var slug = artifact is null ? null : await communities.SlugOfAsync(artifact.CommunityId, cancellationToken);
            if (artifact is null || slug is null)
            {
                throw new ArtifactNotFoundException(id);
            }
            return await ApiAccessEndpointExtensions.DeniedAsync(http, slug, write: false) ?? TypedResults.File(artifact.Content, artifact.MediaType,
                artifact.MediaType.StartsWith("image/", StringComparison.Ordinal) ? null : artifact.FileName);
        }).WithTags("Chat").ProducesAnyFile().WithSummary("A chart or export a tool produced: images inline, other files as downloads.");
        return app;
    }

    /// <summary>
    /// A turn as server-sent events. The turn runs beside the stream and reports into it; the stream always ends with
    /// done or error. The turn uses this request's services, so the stream waits for it even if the caller has gone.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        Func<IProgress<ChatEvent>, Task<TurnResult>> run, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = Channel.CreateUnbounded<SseItem<string>>();
        void Write(string name, object data) => events.Writer.TryWrite(new SseItem<string>(JsonSerializer.Serialize(data, ApiJson.Options), name));
        var turn = Task.Run(async () =>
        {
            try
            {
                var result = await run(new Progress(e => Write(e.Kind, e)));
                foreach (var artifact in result.Artifacts)
                {
                    Write("artifact", artifact);
                }
                Write("done", TurnView.Of(result));
            }
            catch (RefusalException e)
            {
                Write("error", RefusalProblems.ProblemOf(e));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A streamed chat turn failed.");
                Write("error", new { status = 500, title = "The turn failed on the server", detail = "Nothing more was done. Try again." });
            }
            finally
            {
                events.Writer.TryComplete();
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in events.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
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

    private static string Caller(HttpContext http) => http.RequestServices.GetRequiredService<ApiAccess>().CallerName(http);
}

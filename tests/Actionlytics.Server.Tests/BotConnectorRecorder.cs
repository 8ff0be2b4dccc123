using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Server.Tests;

/// <summary>
/// A local Bot Connector over real HTTP: the Entra ID token endpoint (client credentials) and the v3 conversations
/// API, recording what the bot sends. It can answer the first calls with 429 to test retries.
/// </summary>
public sealed class BotConnectorRecorder : IAsyncDisposable
{
    public const string AppToken = "app-token-from-entra";

    private WebApplication? _app;
    private int _failuresLeft;

    /// <summary>One call: <paramref name="Id"/> is the id the connector answered with (or the updated activity's).</summary>
    public sealed record Received(string Method, string Path, string? Authorization, JsonElement Body, string Id);

    public ConcurrentQueue<Received> Activities { get; } = new();

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    public string Url { get; private set; } = "";

    /// <summary>The next <paramref name="count"/> activity calls answer 429 with Retry-After: 0.</summary>
    public void FailNext(int count) => _failuresLeft = count;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = AppToken });
        });
        _app.MapMethods("/v3/conversations/{conversation}/activities/{**rest}", ["POST", "PUT"], async (HttpRequest request, HttpResponse response) =>
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                response.Headers.RetryAfter = "0";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }
            return await RecordAsync(request, request.Method == "PUT" ? request.RouteValues["rest"]!.ToString()! : null);
        });
        _app.MapPost("/v3/conversations/{conversation}/activities", (HttpRequest request) => RecordAsync(request, null));
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    private async Task<IResult> RecordAsync(HttpRequest request, string? updatedId)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        var id = updatedId ?? "sent-" + Guid.NewGuid().ToString("N")[..12];
        Activities.Enqueue(new Received(request.Method, request.Path, request.Headers.Authorization.ToString(), body, id));
        return Results.Json(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

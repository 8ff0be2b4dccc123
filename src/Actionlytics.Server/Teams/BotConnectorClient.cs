using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Teams;

/// <summary>
/// Sends activities through the Bot Connector REST API of the conversation's service URL, with an app token from
/// Entra ID (client credentials, cached until five minutes before it expires). 429 and 5xx answers are retried with
/// exponential backoff, honouring Retry-After.
/// </summary>
public sealed class BotConnectorClient(HttpClient http, IOptionsMonitor<TeamsOptions> options, TimeProvider time, ILogger<BotConnectorClient> logger) : IDisposable
{
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _token;

    /// <summary>Posts the activity, as a reply when it has a <c>replyToId</c>; returns the new activity's id.</summary>
    public Task<string?> SendAsync(BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = activity.ReplyToId is { } replyTo
            ? $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id)}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id)}/activities";
        return CallAsync(HttpMethod.Post, activity.ServiceUrl!, path, activity, cancellationToken);
    }

    /// <summary>Replaces an activity already sent (a card after a decision).</summary>
    public Task<string?> UpdateAsync(string activityId, BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return CallAsync(HttpMethod.Put, activity.ServiceUrl!,
            $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id)}/activities/{Uri.EscapeDataString(activityId)}", activity with { Id = activityId }, cancellationToken);
    }

    private async Task<string?> CallAsync(HttpMethod method, string serviceUrl, string path, BotActivity activity, CancellationToken cancellationToken)
    {
        var attempts = options.CurrentValue.MaxSendAttempts;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path))
            {
                Content = JsonContent.Create(activity, options: BotActivity.Json),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return body.Length > 0 && JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
            }
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                _token = null; // a revoked or expired token: ask for a new one once
                transient = attempt == 1;
            }
            if (!transient || attempt >= attempts)
            {
                throw new HttpRequestException($"The Bot Connector answered {(int)response.StatusCode} to {method} {path}.", null, response.StatusCode);
            }
            var delay = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
            logger.LogWarning("The Bot Connector answered {Status}; retrying in {Delay} ms", (int)response.StatusCode, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    public void Dispose() => _tokenLock.Dispose();

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.Expires > time.GetUtcNow().AddMinutes(5))
        {
            return cached.Token;
        }
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && again.Expires > time.GetUtcNow().AddMinutes(5))
            {
                return again.Token;
            }
            var settings = options.CurrentValue;
            using var response = await http.PostAsync(settings.TokenEndpoint.Replace("{tenant}", settings.AppTenant, StringComparison.Ordinal), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId!,
                ["client_secret"] = settings.AppPassword!,
                ["scope"] = settings.TokenScope,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Entra ID refused the bot's app token ({(int)response.StatusCode}): check Teams:AppId, Teams:AppPassword and Teams:AppTenant.", null, response.StatusCode);
            }
            var token = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var value = token.GetProperty("access_token").GetString()!;
            _token = (value, time.GetUtcNow().AddSeconds(token.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 3600));
            return value;
        }
        finally
        {
            _tokenLock.Release();
        }
    }
}

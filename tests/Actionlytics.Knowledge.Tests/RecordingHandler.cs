using System.Net;
using System.Text;

namespace Actionlytics.Knowledge.Tests;

/// <summary>
/// An HTTP peer at the wire: records every request (method, path and query, body) and answers each with the next
/// canned response, shaped as the real server documents it.
/// </summary>
public sealed class RecordingHandler(params (HttpStatusCode Status, string Body)[] responses) : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Body)> _responses = new(responses);

    public List<(string Method, string PathAndQuery, string Body, Dictionary<string, string> Headers)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add((request.Method.Method, request.RequestUri!.PathAndQuery, body, headers));
        var (status, answer) = _responses.Count > 0 ? _responses.Dequeue() : (HttpStatusCode.InternalServerError, "{\"status\":{\"error\":\"unexpected request\"}}");
        return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}

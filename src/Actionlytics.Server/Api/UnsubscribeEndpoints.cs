using System.Net;
using Actionlytics.Campaigns.Delivery;

namespace Actionlytics.Server.Api;

/// <summary>
/// The links in every campaign message. Opening one shows a page with a button (mail scanners open links, so a GET
/// changes nothing); the button, or a mail client's one-click unsubscribe (RFC 8058 POST), opts the member out of that channel.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/u/{token}", async (string token, Unsubscribes unsubscribes, CancellationToken ct) =>
        {
            var target = await unsubscribes.FindAsync(token, ct);
            if (target is null)
            {
                return Page("Link not recognised", "<p>This unsubscribe link is not valid (it may be incomplete). Copy the whole link from the message.</p>", StatusCodes.Status404NotFound);
            }
            var community = WebUtility.HtmlEncode(target.CommunityName);
            var channel = Channel(target);
            return target.AlreadyOptedOut
                ? Page("Already unsubscribed", $"<p>You no longer receive {channel} messages from {community}.</p>")
                : Page("Unsubscribe", $"<p>Stop receiving {channel} messages from {community}?</p><form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
        }).ExcludeFromDescription();

        app.MapPost("/u/{token}", async (string token, Unsubscribes unsubscribes, CancellationToken ct) =>
        {
            var target = await unsubscribes.FindAsync(token, ct);
            if (target is null || !await unsubscribes.OptOutAsync(token, ct))
            {
                return Page("Link not recognised", "<p>This unsubscribe link is not valid.</p>", StatusCodes.Status404NotFound);
            }
            return Page("Unsubscribed", $"<p>Done: you will not receive {Channel(target)} messages from {WebUtility.HtmlEncode(target.CommunityName)} any more.</p>");
        }).DisableAntiforgery().ExcludeFromDescription();

        return app;
    }

    private static string Channel(UnsubscribeTarget target) => target.Channel.ToString().ToLowerInvariant() switch
    {
        "email" => "email",
        "teams" => "Teams",
        _ => "these",
    };

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title></head>"
        + $"<body><h1>{title}</h1>{body}</body></html>",
        "text/html; charset=utf-8", null, status);
}

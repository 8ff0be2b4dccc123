using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Actionlytics.Server.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework endpoint Teams calls. Every request must carry a valid bearer token
/// from the channel (see <see cref="BotTokenValidator"/>); a forged, expired, wrong-audience or unsigned request gets
/// 401 and reaches nothing. Off (404) until <c>Teams:AppId</c> is configured.
/// </summary>
public static class TeamsEndpoint
{
    private const int MaxActivityBytes = 256 * 1024;

    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TeamsOptions>().Bind(builder.Configuration.GetSection(TeamsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var unsigned = builder.Configuration.GetValue<bool>($"{TeamsOptions.SectionName}:{nameof(TeamsOptions.AllowUnsignedLocalEmulator)}");
        if (unsigned && !builder.Environment.IsDevelopment())
        {
            throw new OptionsValidationException(TeamsOptions.SectionName, typeof(TeamsOptions),
                [$"Teams:AllowUnsignedLocalEmulator is only allowed in the Development environment (this is {builder.Environment.EnvironmentName})."]);
        }
        builder.Services.AddHttpClient(nameof(BotTokenValidator));
        builder.Services.AddSingleton<BotTokenValidator>();
        builder.Services.AddHttpClient(nameof(BotConnectorClient));
        // One instance for the process: its app token is cached across requests.
        builder.Services.AddSingleton(services =>
            ActivatorUtilities.CreateInstance<BotConnectorClient>(services, services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BotConnectorClient))));
        builder.Services.AddScoped<TeamsBot>();
        builder.Services.AddScoped<CampaignCardDelivery>();
        builder.Services.AddScoped<TeamsAnswers>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<TeamsMediaLinks>();
        builder.Services.AddScoped<Actionlytics.Campaigns.ICampaignNotifier, TeamsCampaignNotifier>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/messages", async (HttpContext http, BotTokenValidator validator, TeamsBot bot, IOptionsMonitor<TeamsOptions> options, IHostEnvironment environment, ILogger<TeamsBot> logger) =>
        {
            var settings = options.CurrentValue;
            if (!settings.Enabled)
            {
                return Results.Problem(title: "Teams is not configured", detail: "Set Teams:AppId and Teams:AppPassword.", statusCode: StatusCodes.Status404NotFound);
            }
            var authorization = http.Request.Headers.Authorization.ToString();
            var unsignedAllowed = settings.AllowUnsignedLocalEmulator && environment.IsDevelopment();
            if (authorization.Length == 0 && !unsignedAllowed)
            {
                return Results.Unauthorized();
            }
            if (http.Request.ContentLength is > MaxActivityBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            BotActivity? activity;
            try
            {
                activity = await JsonSerializer.DeserializeAsync<BotActivity>(http.Request.Body, BotActivity.Json, http.RequestAborted);
            }
            catch (JsonException)
            {
                activity = null;
            }
            if (authorization.Length > 0 || !unsignedAllowed)
            {
                var (identity, refusal) = await validator.ValidateAsync(authorization, activity?.ServiceUrl, http.RequestAborted);
                if (identity is null)
                {
                    logger.LogWarning("Refused a Bot Framework request: {Refusal}", refusal);
                    return Results.Unauthorized();
                }
            }
            if (activity is null || activity.Conversation is null || activity.ServiceUrl is null)
            {
                return Results.Problem(title: "Not an activity", detail: "The body must be a Bot Framework Activity with a conversation and a serviceUrl.", statusCode: StatusCodes.Status400BadRequest);
            }
            if (activity.Type == "invoke" && activity.Name != "adaptiveCard/action")
            {
                // As the Bot Framework SDK answers the invokes a bot does not handle (task modules, config, sign-in...).
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            }
            if (activity.Type == "invoke")
            {
                // An invoke is answered in the HTTP response itself: the card to show, or an error.
                return Results.Json(await bot.InvokeAsync(activity, http.RequestAborted), BotActivity.Json);
            }
            await bot.HandleAsync(activity, http.RequestAborted);
            return Results.Ok();
        })
        .Accepts<BotActivity>("application/json")
        .Produces<object>(StatusCodes.Status200OK, "application/json") // an invoke's response; other activities get an empty 200
        .WithTags("Teams").WithSummary("The Bot Framework messaging endpoint (Teams): Activities signed by the channel.");
        TeamsMediaLinks.MapTeamsMedia(app);
        return app;
    }
}

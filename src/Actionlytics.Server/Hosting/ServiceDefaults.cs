using System.Text.Json.Serialization;
using Actionlytics.Data.Store;
using Actionlytics.Core.Telemetry;
using Actionlytics.Server.Api;
using Actionlytics.Server.Demo;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Actionlytics.Server.Hosting;

/// <summary>What every Actionlytics host has: telemetry, problem details, OpenAPI, health.</summary>
public static class ServiceDefaults
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(ActionlyticsTelemetry.SourceName)
                .AddSource(Actionlytics.Agent.Chat.ChatModelFactory.TelemetrySource) // GenAI spans: chat calls and tool executions
                .AddAspNetCoreInstrumentation(asp => asp.Filter = context => context.Request.Path != "/health")
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(ActionlyticsTelemetry.SourceName)
                .AddMeter(Actionlytics.Agent.Chat.ChatModelFactory.TelemetrySource) // GenAI token usage and operation duration
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        // Exported only when a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT); otherwise telemetry stays in process.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        builder.Services.AddProblemDetails();
        // Refusals (bad input, not found, forbidden, conflict, unavailable) become problems here, once for every endpoint.
        builder.Services.AddExceptionHandler<Api.RefusalProblems>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // One casing across /api, the one tool results have for the model and in stored threads (see ApiJson).
            json.SerializerOptions.PropertyNamingPolicy = ApiJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = ApiJson.Options.DefaultIgnoreCondition;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<ActionlyticsDbContext>("store")
            .AddCheck<DemoSeedingHealthCheck>("demo");
        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false });
        app.MapOpenApi();
        return app;
    }
}

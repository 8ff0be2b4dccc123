using System.ClientModel;
using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Actionlytics.Agent.Chat;

/// <summary>Builds the chat pipeline the configuration asks for: the model, then function invocation and OpenTelemetry around it.</summary>
public static class ChatModelFactory
{
    public const string TelemetrySource = "Actionlytics.Agent";

    public static IChatClient CreateModel(AgentOptions options, AgentPrompts prompts)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            ModelProvider.Offline => new OfflineChatClient(prompts),
            _ => new OpenAI.Chat.ChatClient(
                options.Model ?? throw new InvalidOperationException("Agent:Model is required for an OpenAI-compatible provider."),
                new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey),
                new OpenAI.OpenAIClientOptions { Endpoint = new Uri(options.Endpoint ?? "https://api.openai.com/v1") }).AsIChatClient(),
        };
    }

    /// <summary>
    /// Function invocation outermost (it loops: model, tools, model), OpenTelemetry inside it so each model call is a
    /// GenAI span, and logging of each model call (at Debug, so questions stay out of default logs). Detailed errors stay off: a tool's unexpected failure reaches the model as a short message.
    /// </summary>
    public static IChatClient CreatePipeline(IChatClient model, ILoggerFactory? loggerFactory = null) =>
        new ChatClientBuilder(model)
            .UseFunctionInvocation(loggerFactory, invocation =>
            {
                invocation.MaximumIterationsPerRequest = 6;
                invocation.IncludeDetailedErrors = false;
            })
            .UseOpenTelemetry(loggerFactory, TelemetrySource)
            .UseLogging(loggerFactory)
            .Build();
}

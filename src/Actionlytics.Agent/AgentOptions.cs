using System.ComponentModel.DataAnnotations;

namespace Actionlytics.Agent;

/// <summary>Which chat model answers.</summary>
public enum ModelProvider
{
    /// <summary>The deterministic planner embedded in the product: no network, no key.</summary>
    Offline,

    /// <summary>Any OpenAI-compatible chat completions endpoint: OpenAI, Azure OpenAI (v1 endpoint), Ollama, vLLM, LM Studio.</summary>
    OpenAI,

    /// <summary>The same as <see cref="OpenAI"/>, by the name some deployments use.</summary>
    OpenAICompatible,
}

/// <summary>The chat model and the agent's limits. Bound from the <c>Agent</c> section (environment: <c>Agent__Provider</c>...), checked at start.</summary>
public sealed class AgentOptions : IValidatableObject
{
    public const string SectionName = "Agent";

    public ModelProvider Provider { get; set; } = ModelProvider.Offline;

    /// <summary>The endpoint's base address, e.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c>, <c>https://NAME.openai.azure.com/openai/v1/</c>.</summary>
    [Url]
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Prompt files (<c>system.md</c>, <c>tools.md</c>, <c>answers.*.md</c>); by default <c>prompts/agent</c>.</summary>
    public string? PromptFolder { get; set; }

    /// <summary>How many earlier messages of a thread the model sees; older ones are dropped a whole turn at a time.</summary>
    [Range(2, 1000)]
    public int MaxHistoryMessages { get; set; } = 40;

    /// <summary>Longest question accepted, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxQuestionChars { get; set; } = 4000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != ModelProvider.Offline && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"Agent:Model is required with Agent:Provider {Provider} (the model's name at the endpoint).", [nameof(Model)]);
        }
        if (PromptFolder is { } folder && !Directory.Exists(folder))
        {
            yield return new ValidationResult($"Agent:PromptFolder '{folder}' does not exist.", [nameof(PromptFolder)]);
        }
    }
}

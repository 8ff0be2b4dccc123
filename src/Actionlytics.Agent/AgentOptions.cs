namespace Actionlytics.Agent;

/// <summary>The chat model and the agent's limits. Bound from the <c>Agent</c> section (environment: <c>Agent__Provider</c>...).</summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agent";

    /// <summary>
    /// <c>Offline</c> (default: the deterministic planner, no network), or <c>OpenAI</c> for any OpenAI-compatible
    /// chat completions endpoint: OpenAI, Azure OpenAI (v1 endpoint), Ollama, vLLM, LM Studio.
    /// </summary>
    public string Provider { get; set; } = "Offline";

    /// <summary>The endpoint's base address, e.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c>, <c>https://NAME.openai.azure.com/openai/v1/</c>.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Prompt files (<c>system.md</c>, <c>tools.md</c>, <c>answers.*.md</c>); by default <c>prompts/agent</c>.</summary>
    public string? PromptFolder { get; set; }

    /// <summary>How many earlier messages of a thread the model sees; older ones are dropped a whole turn at a time.</summary>
    public int MaxHistoryMessages { get; set; } = 40;

    /// <summary>Longest question accepted, in characters.</summary>
    public int MaxQuestionChars { get; set; } = 4000;
}

using Actionlytics.Agent.Prompts;
using Actionlytics.Agent.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tests;

/// <summary>The model-facing text in prompts/agent, as the product loads it.</summary>
public sealed class PromptTests(DemoAgent demo) : IClassFixture<DemoAgent>
{
    private static readonly AgentPrompts Prompts = AgentPrompts.Load(AgentPrompts.DefaultFolder());

    [Fact]
    public void Describes_every_tool_and_every_argument_in_the_prompt_files()
    {
        using var scope = demo.Services.CreateScope();
        var tools = scope.ServiceProvider.GetRequiredService<AgentToolbox>().For(new ToolScope(
            new Core.Communities.Community { Slug = "x", Name = "x" }, "u", new DateOnly(2026, 1, 1), scope.ServiceProvider));

        Assert.Equal(
            ["activity_trend", "campaign_results", "campaign_status", "compare_periods", "count_actions", "create_segment", "draft_campaign", "explain_member",
             "export_table", "inactivity_scores", "lifecycle", "list_segments", "render_chart", "retention_cohorts", "search_playbooks"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var tool in tools.OfType<Microsoft.Extensions.AI.AIFunction>())
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            foreach (var property in tool.JsonSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(property.Value.TryGetProperty("description", out _), $"{tool.Name}.{property.Name}");
            }
        }
    }

    [Fact]
    public void Marks_only_side_effecting_tools_as_needing_approval()
    {
        using var scope = demo.Services.CreateScope();
        var tools = scope.ServiceProvider.GetRequiredService<AgentToolbox>().For(new ToolScope(
            new Core.Communities.Community { Slug = "x", Name = "x" }, "u", new DateOnly(2026, 1, 1), scope.ServiceProvider));

        Assert.Equal(["create_segment"], tools.OfType<Microsoft.Extensions.AI.ApprovalRequiredAIFunction>().Select(t => t.Name));
    }

    [Fact]
    public void Gives_every_language_the_same_answer_templates_and_placeholders()
    {
        var english = Prompts.Answers("en");
        foreach (var language in Prompts.Languages)
        {
            var answers = Prompts.Answers(language);
            foreach (var key in english.Keys)
            {
                Assert.Equal(AnswerTemplates.PlaceholdersOf(english.Text(key)), AnswerTemplates.PlaceholdersOf(answers.Text(key)));
            }
        }
    }

    [Fact]
    public void States_the_rules_in_the_system_prompt()
    {
        var system = Prompts.SystemPrompt("Northwind", "Europe/Paris", new DateOnly(2026, 3, 18), ["login", "assignment_submitted"]);

        Assert.Contains("Northwind", system);
        Assert.Contains("login, assignment_submitted", system);
        Assert.DoesNotContain("{{", system);
        Assert.Contains("2026-03-18", system);
        Assert.Contains("Answer from tool results only", system);
        Assert.Contains("AI-generated", system);
        Assert.Contains("approves", system);
        Assert.Contains("never instructions", system);
    }
}

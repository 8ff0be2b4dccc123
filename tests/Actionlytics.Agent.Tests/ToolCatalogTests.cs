using System.Text.RegularExpressions;
using Actionlytics.Agent.Prompts;
using Actionlytics.Agent.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Agent.Tests;

/// <summary>The tool catalog is the one list of tools: each entry has everything a tool needs, and nothing else names tools.</summary>
public sealed partial class ToolCatalogTests(DemoAgent demo) : IClassFixture<DemoAgent>
{
    private static readonly AgentPrompts Prompts = AgentPrompts.Load(AgentPrompts.DefaultFolder());

    private static readonly string Root = RepositoryRoot();

    public static TheoryData<string> Tools() => [.. ToolCatalog.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Tools))]
    public void Every_tool_has_a_description_a_schema_an_answer_template_in_every_language_and_a_web_view(string name)
    {
        var entry = ToolCatalog.Find(name)!;
        Assert.False(string.IsNullOrWhiteSpace(Prompts.Tool(name).Description));

        using var scope = demo.Services.CreateScope();
        var tool = scope.ServiceProvider.GetRequiredService<AgentToolbox>()
            .For(new ToolScope(new Core.Communities.Community { Slug = "x", Name = "x" }, "u", new DateOnly(2026, 1, 1), scope.ServiceProvider), t => t.Name == name)
            .Single();
        var function = Assert.IsAssignableFrom<AIFunction>(tool);
        var properties = function.JsonSchema.GetProperty("properties").EnumerateObject().ToList();
        Assert.NotEmpty(properties);
        Assert.All(properties, p => Assert.True(p.Value.TryGetProperty("description", out _), $"{name}.{p.Name} has no description"));
        Assert.Equal(entry.Kind == ToolKind.NeedsApproval, tool is ApprovalRequiredAIFunction);

        Assert.All(Prompts.Languages, language => Assert.Contains(entry.AnswerTemplate, Prompts.Answers(language).Keys));
        Assert.True(typeof(ToolResult).IsAssignableFrom(entry.ResultType), $"{name}'s result is a ToolResult");

        Assert.Contains(name, WebViews());
    }

    [Fact]
    public void The_web_chat_declares_views_for_exactly_the_catalogs_tools()
    {
        Assert.Equal(ToolCatalog.All.Select(t => t.Name).Order(StringComparer.Ordinal), WebViews().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_tool_name_is_written_outside_the_catalog_and_the_web_chats_list()
    {
        var names = ToolCatalog.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var catalog = Path.Combine("src", "Actionlytics.Agent", "Tools", "ToolCatalog.cs");
        var views = Path.Combine("src", "Actionlytics.Server", "wwwroot", "js", "views.js");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(Root, file);
            if (relative == catalog || relative == views)
            {
                continue;
            }
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                var text = literal.Groups["text"].Value;
                // "lifecycle" is also a chart's name (CommunityReports.ChartNames, the planner's chart kinds): a different concept.
                if (names.Contains(text) && text != ToolCatalog.Names.Lifecycle)
                {
                    found.Add($"{relative}: \"{text}\"");
                }
            }
        }
        Assert.Empty(found);
    }

    /// <summary>The keys of <c>TOOLS</c> in views.js: <c>name: {</c> at the start of a line inside the object.</summary>
    private static List<string> WebViews()
    {
        var js = File.ReadAllText(Path.Combine(Root, "src", "Actionlytics.Server", "wwwroot", "js", "views.js"));
        var start = js.IndexOf("export const TOOLS = {", StringComparison.Ordinal);
        Assert.True(start >= 0, "views.js declares TOOLS");
        var end = js.IndexOf("\n};", start, StringComparison.Ordinal);
        return [.. ViewKey().Matches(js[start..end]).Select(m => m.Groups[1].Value)];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actionlytics.Agent.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Actionlytics.Agent.sln) was not found above the test's folder.");
    }

    [GeneratedRegex(@"^  ([a-z_]+): \{", RegexOptions.Multiline)]
    private static partial Regex ViewKey();

    [GeneratedRegex("""["'`](?<text>[a-z_]+)["'`]""")]
    private static partial Regex StringLiteral();
}

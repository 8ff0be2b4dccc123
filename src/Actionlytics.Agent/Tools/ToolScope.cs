using Actionlytics.Core.Communities;

namespace Actionlytics.Agent.Tools;

/// <summary>Who is asking, about which community: tools are built for one scope and can reach nothing else.</summary>
/// <param name="Services">The turn's service scope (the store, analytics, knowledge).</param>
public sealed record ToolScope(Community Community, string UserId, DateOnly Today, IServiceProvider Services);

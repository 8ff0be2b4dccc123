namespace Actionlytics.Data.Communities;

/// <summary>A community cannot be created as asked (bad slug, unknown time zone, slug taken...).</summary>
public sealed class CommunityDefinitionException(string message) : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.InvalidInput, message);

using Actionlytics.Core.Refusals;

namespace Actionlytics.Server.Api;

/// <summary>No artifact with this id for the caller.</summary>
public sealed class ArtifactNotFoundException(string id) : RefusalException(RefusalKind.NotFound, $"No artifact {id}.");

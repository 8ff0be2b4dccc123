using System.Collections.Concurrent;
using Actionlytics.Core.Communities;

namespace Actionlytics.Data.Analytics;

/// <summary>
/// Each community's action names, kept until its data changes (<see cref="Community.DataVersion"/>): every chat turn
/// asks for them, and reading them scans the community's events.
/// </summary>
public sealed class ActionNamesCache
{
    private readonly ConcurrentDictionary<int, (long Version, IReadOnlyList<string> Names)> _names = new();

    public bool TryGet(Community community, out IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (_names.TryGetValue(community.Id, out var entry) && entry.Version == community.DataVersion)
        {
            names = entry.Names;
            return true;
        }
        names = [];
        return false;
    }

    public void Set(Community community, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(community);
        _names[community.Id] = (community.DataVersion, names);
    }
}

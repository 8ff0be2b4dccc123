using System.Collections.Concurrent;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Store;
using Microsoft.Extensions.Logging;

namespace Actionlytics.Data.Analytics;

/// <summary>
/// Keeps each community's <see cref="ActivityIndex"/> in memory and current: imports in this process apply their
/// changes directly; imports by another process (the CLI next to the server) are noticed through the community's
/// data version, and the index is rebuilt. Reads and updates of one community's index take turns.
/// </summary>
public sealed class ActivityIndexCache(StoreDatabase database, ILogger<ActivityIndexCache> logger)
{
    private readonly ConcurrentDictionary<int, Slot> _slots = new();

    /// <summary>Runs <paramref name="read"/> on the community's current index.</summary>
    public async Task<T> ReadAsync<T>(Community community, Func<ActivityIndex, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(read);
        var slot = _slots.GetOrAdd(community.Id, _ => new Slot());
        var storedVersion = await ReadVersionAsync(community.Id, cancellationToken);
        await slot.Turn.WaitAsync(cancellationToken);
        try
        {
            if (slot.Index is null || slot.Version != storedVersion)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                (slot.Index, slot.Version) = await ActivityIndexLoader.LoadAsync(database, community, cancellationToken);
                logger.LogInformation("Activity index of {Community} built: {Members} members, {Days} member-days in {Milliseconds} ms",
                    community.Slug, slot.Index.MemberCount, slot.Index.MemberDayCount, clock.ElapsedMilliseconds);
            }
            return read(slot.Index);
        }
        finally
        {
            slot.Turn.Release();
        }
    }

    /// <summary>Brings a loaded index up to date after an import in this process committed <paramref name="version"/>.</summary>
    public async Task ApplyAsync(int communityId, long version, ImportDelta? delta, CancellationToken cancellationToken)
    {
        if (!_slots.TryGetValue(communityId, out var slot))
        {
            return; // never loaded: the first read builds it
        }
        await slot.Turn.WaitAsync(cancellationToken);
        try
        {
            if (slot.Index is null || slot.Version != version - 1 || delta is null || delta.TooLarge)
            {
                slot.Index = null; // rebuilt on next read
                return;
            }
            foreach (var (memberId, externalId, joined) in delta.NewMembers)
            {
                slot.Index.AddMember(memberId, externalId, joined);
            }
            foreach (var (memberId, day, counts) in delta.MemberDays)
            {
                slot.Index.AddDay(memberId, day, counts);
            }
            slot.Version = version;
        }
        finally
        {
            slot.Turn.Release();
        }
    }

    private async Task<long> ReadVersionAsync(int communityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data_version FROM communities WHERE id = @community";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@community";
        parameter.Value = communityId;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Slot
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public ActivityIndex? Index { get; set; }

        public long Version { get; set; }
    }
}

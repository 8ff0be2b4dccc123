using System.Collections.Concurrent;

namespace Actionlytics.Agent.Chat;

/// <summary>
/// Serialises the turns of one thread in this process: a retry, a second tab or a decision sent during a turn waits
/// for it instead of reading the same history and appending beside it. (Several server instances would need the
/// store to arbitrate; the unique (thread, sequence) index makes a collision fail rather than interleave.)
/// </summary>
internal static class ThreadLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public static async Task<IDisposable> TakeAsync(string threadId, CancellationToken cancellationToken)
    {
        var gate = Locks.GetOrAdd(threadId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

namespace Actionlytics.Server.Demo;

/// <summary>Where the first-start demo seeding is, for the health check and the logs.</summary>
public sealed class DemoSeedingStatus
{
    public enum Stage
    {
        Waiting,
        Seeding,
        Ready,
        NotNeeded,
        Failed,
    }

    private long _eventsWritten;

    public Stage Current { get; private set; } = Stage.Waiting;

    public string? Failure { get; private set; }

    public long EventsWritten => Interlocked.Read(ref _eventsWritten);

    public void Start() => Current = Stage.Seeding;

    public void Progress(long events) => Interlocked.Exchange(ref _eventsWritten, events);

    public void Finish() => Current = Stage.Ready;

    public void Skip() => Current = Stage.NotNeeded;

    public void Fail(string reason)
    {
        Failure = reason;
        Current = Stage.Failed;
    }
}

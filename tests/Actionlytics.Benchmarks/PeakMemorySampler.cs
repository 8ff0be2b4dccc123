using System.Diagnostics;

namespace Actionlytics.Benchmarks;

/// <summary>Samples the process's working set while a phase runs, to report that phase's peak.</summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemorySampler()
    {
        _peak = Sample();
        _timer = new Timer(_ => Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Sample())), null, 0, 50);
    }

    public long PeakBytes => Math.Max(Interlocked.Read(ref _peak), Sample());

    private static long Sample()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public void Dispose() => _timer.Dispose();
}

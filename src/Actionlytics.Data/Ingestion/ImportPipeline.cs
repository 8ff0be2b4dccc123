using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Actionlytics.Core.Ingestion;

namespace Actionlytics.Data.Ingestion;

/// <summary>
/// Reads and validates rows on one thread while the caller writes them on another, through a small bounded
/// queue of batches: two cores do twice the work, and memory stays the same whatever the input's size.
/// </summary>
internal static class ImportPipeline
{
    private const int BatchSize = 1000;
    private const int BatchesInFlight = 8;

    public static async IAsyncEnumerable<ArraySegment<SourceRow<T>>> ReadInBatchesAsync<T>(
        IEnumerable<SourceRow<T>> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : struct
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<ArraySegment<SourceRow<T>>>(
            new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        ExceptionDispatchInfo? failure = null;

        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = ArrayPool<SourceRow<T>>.Shared.Rent(BatchSize);
                var count = 0;
                foreach (var row in rows)
                {
                    batch[count++] = row;
                    if (count == BatchSize)
                    {
                        Send(queue.Writer, new ArraySegment<SourceRow<T>>(batch, 0, count), stop.Token);
                        batch = ArrayPool<SourceRow<T>>.Shared.Rent(BatchSize);
                        count = 0;
                    }
                }
                Send(queue.Writer, new ArraySegment<SourceRow<T>>(batch, 0, count), stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.Writer.TryComplete();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
                ArrayPool<SourceRow<T>>.Shared.Return(batch.Array!, clearArray: true);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        failure?.Throw();
    }

    private static void Send<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken)
    {
        while (!writer.TryWrite(item))
        {
            // A dedicated thread: waiting here holds back reading while the writer catches up.
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                return;
            }
        }
    }
}

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

    /// <summary>
    /// Reads every row, counts it and reports the invalid ones, and hands each valid row to <paramref name="write"/>,
    /// until a row is invalid in an import that is not skipping them: from then on the import will be rolled back,
    /// so rows are still validated (to report them all) but no longer written.
    /// </summary>
    public static async Task ProcessAsync<T>(
        IEnumerable<SourceRow<T>> rows, ImportTally tally, bool skipInvalid, Action<SourceRow<T>> write, CancellationToken cancellationToken)
        where T : struct
    {
        await foreach (var batch in ReadInBatchesAsync(rows, cancellationToken))
        {
            foreach (var source in batch)
            {
                tally.RowsRead++;
                if (!source.IsValid)
                {
                    tally.Reject(source.Line, source.Error!);
                }
                else if (tally.Invalid == 0 || skipInvalid)
                {
                    write(source);
                }
            }
            tally.ReportProgress();
        }
    }

    private static async IAsyncEnumerable<ArraySegment<SourceRow<T>>> ReadInBatchesAsync<T>(
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

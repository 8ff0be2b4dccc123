using System.Diagnostics;
using System.Globalization;
using Actionlytics.Core.Ingestion;
using Spectre.Console;

namespace Actionlytics.Cli;

/// <summary>
/// Shows an import's progress on standard error: a progress bar in a terminal, a plain line every second
/// otherwise (logs, CI), so standard output stays clean for the result.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(string label, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
        {
            return await work(new PlainProgress(label));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: 1);
                result = await work(new BarProgress(task, label));
                task.Value = task.MaxValue;
            });
        return result;
    }

    private static string Describe(string label, ImportProgress progress) => string.Create(CultureInfo.InvariantCulture,
        $"{label}: {progress.RowsRead:N0} rows read, {progress.Imported:N0} imported, {progress.Duplicates:N0} duplicates, {progress.Invalid:N0} invalid");

    private sealed class BarProgress(ProgressTask task, string label) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.Description = Markup.Escape(Describe(label, value));
            if (value.TotalBytes is > 0 and var total)
            {
                task.MaxValue = total;
                task.Value = Math.Min(value.BytesRead, total);
            }
            else
            {
                task.IsIndeterminate = true;
            }
        }
    }

    private sealed class PlainProgress(string label) : IProgress<ImportProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastAt = -1;

        public void Report(ImportProgress value)
        {
            var now = _clock.ElapsedMilliseconds / 1000;
            if (now == _lastAt)
            {
                return;
            }
            _lastAt = now;
            var percent = value.TotalBytes is > 0 and var total
                ? string.Create(CultureInfo.InvariantCulture, $" ({100.0 * value.BytesRead / total:F0}%)")
                : "";
            Console.Error.WriteLine(Describe(label, value) + percent);
        }
    }
}

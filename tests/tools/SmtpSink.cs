using System.Diagnostics;
using MimeKit;

namespace Actionlytics.Tests.Tools;

/// <summary>
/// A real SMTP server for one test: <c>tests/tools/smtp_sink.py</c> (Debian's python3-aiosmtpd, installed by the test
/// script) in a child process, writing each accepted message to a folder the test reads back.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpSink(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <param name="rejectFirst">Answer the first N messages with a transient 451 error.</param>
    public static async Task<SmtpSink> StartAsync(int rejectFirst = 0)
    {
        var folder = Directory.CreateTempSubdirectory("actionlytics-smtp-").FullName;
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script());
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add("--reject-first");
        start.ArgumentList.Add(rejectFirst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"The SMTP sink did not start (is python3-aiosmtpd installed?): {error}");
        }
        return new SmtpSink(process, int.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture), folder);
    }

    /// <summary>Settings that point campaign delivery at this server, with no quiet hours and no pacing to wait for.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Campaigns:Email:Host"] = "127.0.0.1",
        ["Campaigns:Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Campaigns:Email:Security"] = "None",
        ["Campaigns:Email:From"] = "community@northwind.example",
        ["Campaigns:Email:PerSecond"] = "10000",
        ["Campaigns:QuietHoursStart"] = "00:00",
        ["Campaigns:QuietHoursEnd"] = "00:00",
    };

    public int Count => Directory.GetFiles(Folder, "*.eml").Length;

    /// <summary>Every message received so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    public async Task WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP sink received {Count} messages, not {count}, within {timeout}.");
            }
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "tools", "smtp_sink.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("tests/tools/smtp_sink.py not found above " + AppContext.BaseDirectory);
    }
}

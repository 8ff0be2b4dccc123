using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Ingestion;
using Actionlytics.Data;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Ingestion;
using Actionlytics.Data.Store;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Benchmarks;

/// <summary>
/// Event import throughput into SQLite for a large CSV, against two references on the same file in the same process:
/// DuckDB's CSV loader (a columnar engine's best case, no uniqueness check) and EF Core's SaveChanges on a sample.
/// </summary>
internal static class ImportBenchmark
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Command()
    {
        var events = new Option<int>("--events") { Description = "Events in the generated CSV.", DefaultValueFactory = _ => 10_000_000 };
        var members = new Option<int>("--members") { Description = "Distinct members in the CSV.", DefaultValueFactory = _ => 100_000 };
        var efSample = new Option<int>("--ef-sample") { Description = "Events EF Core SaveChanges imports as a reference.", DefaultValueFactory = _ => 200_000 };
        var folder = new Option<string?>("--folder") { Description = "Working folder (default: a temporary one, removed afterwards)." };
        var command = new Command("import", "Import throughput and peak memory for a large events CSV into SQLite.") { events, members, efSample, folder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var work = parse.GetValue(folder) is { } given ? Directory.CreateDirectory(given) : Directory.CreateTempSubdirectory("actionlytics-bench-");
            try
            {
                await RunAsync(work.FullName, parse.GetValue(events), parse.GetValue(members), parse.GetValue(efSample), cancellationToken);
            }
            finally
            {
                if (parse.GetValue(folder) is null)
                {
                    work.Delete(recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task RunAsync(string folder, int eventCount, int memberCount, int efSample, CancellationToken cancellationToken)
    {
        var csv = Path.Combine(folder, "events.csv");
        Console.WriteLine($"Generating {eventCount:N0} events for {memberCount:N0} members...");
        var generated = Stopwatch.StartNew();
        WriteCsv(csv, eventCount, memberCount, 0);
        Console.WriteLine($"  {new FileInfo(csv).Length / 1e6:N0} MB in {generated.Elapsed.TotalSeconds:F1} s");

        var ours = await MeasureOursAsync(folder, csv, cancellationToken);
        Console.WriteLine($"Actionlytics -> SQLite: {ours.Rows:N0} rows in {ours.Seconds:F1} s = {ours.RowsPerSecond:N0} rows/s, peak working set {ours.PeakMegabytes:N0} MB");

        var duck = MeasureDuckDb(folder, csv);
        Console.WriteLine($"DuckDB read_csv -> table: {duck.Rows:N0} rows in {duck.Seconds:F1} s = {duck.RowsPerSecond:N0} rows/s, peak working set {duck.PeakMegabytes:N0} MB");

        var sampleCsv = Path.Combine(folder, "sample.csv");
        WriteCsv(sampleCsv, efSample, Math.Min(memberCount, efSample), 0);
        var oursSample = await MeasureOursAsync(folder, sampleCsv, cancellationToken, "sample");
        var ef = await MeasureEfCoreAsync(folder, sampleCsv, cancellationToken);
        Console.WriteLine($"EF Core SaveChanges ({efSample:N0} rows): {ef.RowsPerSecond:N0} rows/s; Actionlytics on the same sample: {oursSample.RowsPerSecond:N0} rows/s");

        var summary = new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            events = eventCount,
            members = memberCount,
            csvBytes = new FileInfo(csv).Length,
            actionlytics = ours,
            duckdb = duck,
            ratioToDuckDb = ours.RowsPerSecond / duck.RowsPerSecond,
            efCoreSample = ef,
            actionlyticsSample = oursSample,
            speedupOverEfCore = oursSample.RowsPerSecond / ef.RowsPerSecond,
        };
        Console.WriteLine();
        Console.WriteLine("| run | rows | seconds | rows/s | peak MB | ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row("Actionlytics import (SQLite, unique ids, member-days)", ours, 1));
        Console.WriteLine(Row("DuckDB read_csv into a table (reference)", duck, duck.RowsPerSecond / ours.RowsPerSecond));
        Console.WriteLine(Row("Actionlytics import, sample", oursSample, 1));
        Console.WriteLine(Row("EF Core SaveChanges, same sample (reference)", ef, ef.RowsPerSecond / oursSample.RowsPerSecond));
        Console.WriteLine();
        Console.WriteLine($"Actionlytics / DuckDB throughput: {summary.ratioToDuckDb:F2}; Actionlytics / EF Core: {summary.speedupOverEfCore:F1}x");

        var output = Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "benchmarks");
        Directory.CreateDirectory(output);
        var file = Path.Combine(output, "import.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(summary, Indented), cancellationToken);
        Console.WriteLine($"Written to {file}");
    }

    private static string Row(string name, Measurement m, double ratio) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {m.Rows:N0} | {m.Seconds:F1} | {m.RowsPerSecond:N0} | {m.PeakMegabytes:N0} | {ratio:F2} |");

    /// <summary>
    /// A platform export over 18 months, in time order: each day some members come for a session of one to six
    /// events (a login, then downloads, quizzes, videos...), as in the demo community and real platforms.
    /// </summary>
    private static void WriteCsv(string path, int events, int members, int seed)
    {
        const int Days = 540;
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("event_id,member_id,occurred_at,action,content_id,channel\n");
        var actions = ActionNames.Known;
        var written = 0;
        for (var day = 0; day < Days; day++)
        {
            var target = (long)events * (day + 1) / Days;
            while (written < target)
            {
                var member = random.Next(members);
                var at = start + (day * 86_400L) + random.Next(0, 80_000);
                var session = Math.Min(1 + random.Next(6), (int)(target - written));
                for (var e = 0; e < session; e++)
                {
                    var action = e == 0 ? ActionNames.Login : actions[1 + random.Next(actions.Count - 1)];
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"ev{written},member{member},{DateTimeOffset.FromUnixTimeSeconds(at):yyyy-MM-ddTHH:mm:ss}Z,{action},c{random.Next(2000)},web\n"));
                    at += random.Next(10, 600);
                    written++;
                }
            }
        }
    }

    private sealed record Measurement(long Rows, double Seconds, long PeakBytes)
    {
        public double RowsPerSecond => Rows / Seconds;

        public long PeakMegabytes => PeakBytes / (1024 * 1024);
    }

    private static async Task<Measurement> MeasureOursAsync(string folder, string csv, CancellationToken cancellationToken, string name = "actionlytics")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:SqlitePath"] = Path.Combine(folder, $"{name}.db"),
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddActionlyticsStore(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().CreateAsync("bench", null, "Europe/Paris", null, "benchmark", cancellationToken);

        GC.Collect();
        using var memory = new PeakMemorySampler();
        var clock = Stopwatch.StartNew();
        await using var input = new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var report = await scope.ServiceProvider.GetRequiredService<EventImporter>().ImportAsync("bench", input, ImportFormat.Csv, new ImportOptions(), null, cancellationToken);
        clock.Stop();
        if (!report.Committed || report.Imported != report.RowsRead)
        {
            throw new InvalidOperationException($"The benchmark import did not store every row: {JsonSerializer.Serialize(report)}");
        }
        return new Measurement(report.Imported, clock.Elapsed.TotalSeconds, memory.PeakBytes);
    }

    private static Measurement MeasureDuckDb(string folder, string csv)
    {
        GC.Collect();
        using var memory = new PeakMemorySampler();
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection($"Data Source={Path.Combine(folder, "reference.duckdb")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $$"""
            CREATE TABLE events AS
            SELECT * FROM read_csv('{{csv.Replace("'", "''", StringComparison.Ordinal)}}', header = true,
              columns = {'event_id': 'VARCHAR', 'member_id': 'VARCHAR', 'occurred_at': 'TIMESTAMPTZ', 'action': 'VARCHAR', 'content_id': 'VARCHAR', 'channel': 'VARCHAR'});
            """;
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM events";
        var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        clock.Stop();
        return new Measurement(rows, clock.Elapsed.TotalSeconds, memory.PeakBytes);
    }

    /// <summary>
    /// The usual EF Core way, done well: members created first in one SaveChanges, then events added and saved
    /// in batches of 10,000 with the change tracker cleared between batches, all in one transaction.
    /// </summary>
    private static async Task<Measurement> MeasureEfCoreAsync(string folder, string csv, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:SqlitePath"] = Path.Combine(folder, "efcore.db"),
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddActionlyticsStore(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var community = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().CreateAsync("bench", null, "UTC", null, "benchmark", cancellationToken);

        GC.Collect();
        using var memory = new PeakMemorySampler();
        var clock = Stopwatch.StartNew();
        var parser = new EventRowParser(new EventReadOptions(null, DateTimeOffset.UtcNow));
        IEnumerable<EventRow> ReadRows()
        {
            using var input = File.OpenRead(csv);
            foreach (var source in ImportRecordReader.Read(input, ImportFormat.Csv, ImportContract.Events).Select(parser.Parse))
            {
                yield return source.Row;
            }
        }

        var db = scope.ServiceProvider.GetRequiredService<ActionlyticsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var members = ReadRows().Select(r => r.MemberId).Distinct()
            .Select(id => new Core.Members.Member { CommunityId = community.Id, ExternalId = id })
            .ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);
        var memberIds = members.ToDictionary(m => m.ExternalId, m => m.Id);
        db.ChangeTracker.Clear();

        long rows = 0;
        foreach (var row in ReadRows())
        {
            db.Events.Add(new Core.Activity.ActivityEvent
            {
                CommunityId = community.Id,
                EventKey = row.EventId,
                MemberId = memberIds[row.MemberId],
                OccurredAt = row.OccurredAt,
                Day = DateOnly.FromDateTime(row.OccurredAt.UtcDateTime),
                Action = row.Action,
                ContentId = row.ContentId,
                Channel = row.Channel,
            });
            if (++rows % 10_000 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        clock.Stop();
        return new Measurement(rows, clock.Elapsed.TotalSeconds, memory.PeakBytes);
    }
}

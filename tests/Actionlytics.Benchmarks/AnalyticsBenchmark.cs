using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;
using Actionlytics.Data;
using Actionlytics.Data.Analytics;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Ingestion;
using Actionlytics.Data.Store;
using DuckDB.NET.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Benchmarks;

/// <summary>
/// The analytics on a large community against DuckDB on the same events, in the same process: scoring every member,
/// an 18-month weekly trend with lifecycle, bringing the index up to date after new events, building the index from
/// the store, and the index's size.
/// </summary>
internal static class AnalyticsBenchmark
{
    private const int HistoryDays = 540;

    public static Command Command()
    {
        var members = new Option<int>("--members") { Description = "Members.", DefaultValueFactory = _ => 1_000_000 };
        var events = new Option<long>("--events") { Description = "Events.", DefaultValueFactory = _ => 100_000_000 };
        var storeEvents = new Option<int>("--store-events") { Description = "Events imported into SQLite to time the index build from the store.", DefaultValueFactory = _ => 5_000_000 };
        var command = new Command("analytics", "Scoring, trend, incremental update and index build against DuckDB.") { members, events, storeEvents };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(parse.GetValue(members), parse.GetValue(events), parse.GetValue(storeEvents), cancellationToken));
        return command;
    }

    private static async Task RunAsync(int memberCount, long eventCount, int storeEvents, CancellationToken cancellationToken)
    {
        var end = new DateOnly(2026, 6, 30);
        var start = end.AddDays(1 - HistoryDays);
        Console.WriteLine($"Generating {memberCount:N0} members and {eventCount:N0} events over {HistoryDays} days...");

        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        Execute(duck, "SET threads TO 2; CREATE TABLE events (member INTEGER, day INTEGER, action TINYINT)");

        var clock = Stopwatch.StartNew();
        var index = new ActivityIndex("UTC");
        for (var m = 0; m < memberCount; m++)
        {
            index.AddMember(m, string.Create(CultureInfo.InvariantCulture, $"m{m}"), null);
        }
        long generated = 0;
        var memberDays = 0L;
        using (var appender = duck.CreateAppender("events"))
        {
            foreach (var (member, day, counts, actions) in Activity(memberCount, eventCount, start, 17))
            {
                index.AddDay(member, day, counts);
                memberDays++;
                var epochDay = EpochDay.From(day);
                foreach (var action in actions)
                {
                    appender.CreateRow().AppendValue((int)member).AppendValue(epochDay).AppendValue(action).EndRow();
                    generated++;
                }
            }
        }
        Console.WriteLine($"  {generated:N0} events, {memberDays:N0} member-days, generated and loaded in {clock.Elapsed.TotalSeconds:F0} s");
        var compact = Stopwatch.StartNew();
        index.Compact();
        GC.Collect();
        Console.WriteLine($"  index compacted in {compact.ElapsedMilliseconds} ms");

        var parameters = new ScoreParameters(end, 180, 30, ScoreWeights.Default);
        var scorer = new InactivityScorer();
        var ourScore = Median(() => scorer.Score(index, parameters).InactiveMembers);
        var asOf = EpochDay.From(end);
        var duckScore = Median(() => Scalar(duck, $"""
            SELECT count(*) FROM (
              SELECT member, max(day) AS last_day,
                     count(DISTINCT day) FILTER (WHERE day >= {asOf - 179}) AS active_days,
                     max(day) FILTER (WHERE day >= {asOf - 179}) - min(day) FILTER (WHERE day >= {asOf - 179}) + 1 AS constancy
              FROM events WHERE day <= {asOf} GROUP BY member) WHERE {asOf} - last_day >= 30
            """));
        var duckDistinct = Median(() => Scalar(duck, "SELECT count(*) FROM (SELECT member, count(DISTINCT day) FROM events GROUP BY member)"));

        var trendFrom = Periods.Containing(start, Granularity.Week).Start;
        var ourTrend = Median(() => ActivityEvolution.Trend(index, trendFrom, end, Granularity.Week).Points.Count);
        var duckTrend = Median(() => Scalar(duck, $"""
            SELECT count(*) FROM (
              SELECT (day - {EpochDay.From(trendFrom)}) // 7 AS week, count(DISTINCT member) AS active
              FROM events WHERE day BETWEEN {EpochDay.From(trendFrom)} AND {asOf} GROUP BY week)
            """));

        // 10,000 new events for random members on the last days, applied as an import in this process would.
        var delta = new List<(long Member, DateOnly Day, ActionCounts Counts)>();
        var random = new Random(5);
        for (var i = 0; i < 10_000; i++)
        {
            var counts = new ActionCounts();
            counts.Add(ActionNames.Known[random.Next(ActionNames.Known.Count)]);
            delta.Add((random.Next(memberCount), end.AddDays(-random.Next(3)), counts));
        }
        var apply = Stopwatch.StartNew();
        foreach (var (member, day, counts) in delta)
        {
            index.AddDay(member, day, counts);
        }
        apply.Stop();
        var rescore = Median(() => scorer.Score(index, parameters).InactiveMembers);

        GC.Collect();
        var indexBytes = index.ApproximateBytes();
        var (storeSeconds, storeMemberDays) = await MeasureIndexBuildFromStoreAsync(storeEvents, cancellationToken);
        var storeRate = storeMemberDays / storeSeconds;

        Console.WriteLine();
        Console.WriteLine("| measure | Actionlytics | DuckDB (same events, same process) | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Line("score every member (recency, window days, constancy)", ourScore, duckScore));
        Console.WriteLine(Line("DuckDB GROUP BY member, count(DISTINCT day) (reference)", ourScore, duckDistinct));
        Console.WriteLine(Line("18-month weekly trend (ours: with lifecycle)", ourTrend, duckTrend));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| apply 10,000 new events to the index | {apply.Elapsed.TotalMilliseconds:F1} ms | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| score every member after them | {rescore.TotalMilliseconds:F0} ms | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| index size ({index.MemberCount:N0} members, {index.MemberDayCount:N0} member-days) | {indexBytes / 1048576.0:N0} MB | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| index build from SQLite ({storeMemberDays:N0} member-days) | {storeSeconds:F2} s = {storeRate:N0} member-days/s; at this rate {memberDays:N0} member-days take {memberDays / storeRate:F1} s | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| SQLite's own scan of those rows (the floor of a build from the store) | {ScanSeconds:F2} s = {storeMemberDays / ScanSeconds:N0} rows/s; {memberDays:N0} rows take {memberDays / (storeMemberDays / ScanSeconds):F1} s | | |"));
    }

    private static string Line(string name, TimeSpan ours, TimeSpan duck) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {ours.TotalMilliseconds:F0} ms | {duck.TotalMilliseconds:F0} ms | {duck.TotalMilliseconds / ours.TotalMilliseconds:F1}x |");

    /// <summary>Members with a lifespan and a pace; each active day has one to five events (a login first).</summary>
    private static IEnumerable<(long Member, DateOnly Day, ActionCounts Counts, sbyte[] Actions)> Activity(int members, long events, DateOnly start, int seed)
    {
        var random = new Random(seed);
        var perMember = (double)events / members / 3.0; // about three events per active day
        for (var m = 0; m < members; m++)
        {
            var first = random.Next(HistoryDays);
            var span = 1 + random.Next(HistoryDays - first);
            var days = Math.Clamp((int)Math.Round(perMember * (0.2 + (1.6 * random.NextDouble()))), 1, span);
            var step = (double)span / days;
            for (var d = 0; d < days; d++)
            {
                var day = start.AddDays(first + (int)(d * step));
                var count = 1 + random.Next(5);
                var counts = new ActionCounts();
                var actions = new sbyte[count];
                for (var e = 0; e < count; e++)
                {
                    var action = e == 0 ? 0 : random.Next(ActionNames.Known.Count);
                    actions[e] = (sbyte)action;
                    counts.Add(ActionNames.Known[action]);
                }
                yield return (m, day, counts, actions);
            }
        }
    }

    private static async Task<(double Seconds, long MemberDays)> MeasureIndexBuildFromStoreAsync(int storeEvents, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("actionlytics-bench-index-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:SqlitePath"] = Path.Combine(folder.FullName, "store.db"),
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddActionlyticsStore(configuration).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
            var community = await scope.ServiceProvider.GetRequiredService<CommunityDirectory>().CreateAsync("bench", null, "UTC", null, "benchmark", cancellationToken);
            var rows = Activity(storeEvents / 50, storeEvents, new DateOnly(2025, 1, 17), 3)
                .SelectMany(a => a.Actions.Select((action, i) => new Core.Ingestion.EventRow(
                    string.Create(CultureInfo.InvariantCulture, $"{a.Member}-{a.Day.DayNumber}-{i}"),
                    string.Create(CultureInfo.InvariantCulture, $"m{a.Member}"),
                    new DateTimeOffset(a.Day.ToDateTime(new TimeOnly(9, i)), TimeSpan.Zero),
                    ActionNames.Known[action], null, null, null)));
            await scope.ServiceProvider.GetRequiredService<EventImporter>().ImportAsync("bench", rows, new Core.Ingestion.ImportOptions(), null, cancellationToken);

            var database = scope.ServiceProvider.GetRequiredService<StoreDatabase>();
            var clock = Stopwatch.StartNew();
            var (index, _) = await ActivityIndexLoader.LoadAsync(database, community, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;

            // The floor: SQLite reading the same rows inside its own engine, handing nothing out.
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var scan = connection.CreateCommand();
            scan.CommandText = "SELECT sum(events + logins + downloads + quiz_answers + badges_earned + video_views + contributions + other_actions + member_id + day) FROM member_days";
            clock.Restart();
            await scan.ExecuteScalarAsync(cancellationToken);
            ScanSeconds = clock.Elapsed.TotalSeconds;
            return (seconds, index.MemberDayCount);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static double ScanSeconds { get; set; }

    private static TimeSpan Median(Func<long> run)
    {
        for (var i = 0; i < 3; i++)
        {
            run(); // warm up: let tiered compilation reach its optimised code
        }
        var times = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times.Add(clock.Elapsed);
        }
        times.Sort();
        return times[3];
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using System.Globalization;
using Npgsql;

namespace Actionlytics.Cli.Tests;

public sealed class ScoreCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Agrees_exactly_with_an_independent_SQL_computation_on_the_demo_history()
    {
        // The CLI on PostgreSQL; the reference computes community days from the raw instants with PostgreSQL's own time zone rules.
        var server = Environment.GetEnvironmentVariable("ACTIONLYTICS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("ACTIONLYTICS_TEST_POSTGRES is not set: run the tests with scripts/test.sh.");
        var database = $"actionlytics_cli_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        try
        {
            var environment = new Dictionary<string, string> { ["Store__Provider"] = "Postgres", ["Store__ConnectionString"] = connectionString };
            var demo = await CliProcess.RunAsync(_workspace.Folder, environment, "demo", "--members", "400", "--months", "9", "--seed", "5", "--end", "2026-06-30");
            Assert.Equal(0, demo.ExitCode);

            var cli = await CliProcess.RunAsync(_workspace.Folder, environment,
                "score", "--community", "demo", "--as-of", "2026-05-15", "--window", "120", "--inactive-after", "21", "--format", "csv");
            Assert.Equal(0, cli.ExitCode);
            var fromCli = cli.Output.TrimEnd('\n').Split('\n').Skip(1)
                .Select(line => string.Join(',', line.Split(',').Take(5)))
                .Order(StringComparer.Ordinal)
                .ToList();

            var fromSql = new List<string>();
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                const string sql = """
                    WITH days AS (
                        SELECT DISTINCT m.external_id, (e.occurred_at AT TIME ZONE 'Europe/Paris')::date AS day
                        FROM activity_events e JOIN members m ON m.id = e.member_id
                        WHERE (e.occurred_at AT TIME ZONE 'Europe/Paris')::date <= DATE '2026-05-15'
                    )
                    SELECT external_id,
                           MAX(day) AS last_active_date,
                           DATE '2026-05-15' - MAX(day) AS recency_days,
                           COUNT(*) FILTER (WHERE day >= DATE '2026-05-15' - 119) AS active_days,
                           COALESCE(MAX(day) FILTER (WHERE day >= DATE '2026-05-15' - 119) - MIN(day) FILTER (WHERE day >= DATE '2026-05-15' - 119) + 1, 0) AS constancy_days
                    FROM days GROUP BY external_id
                    HAVING DATE '2026-05-15' - MAX(day) >= 21
                    """;
                await using var command = new NpgsqlCommand(sql, connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    fromSql.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{reader.GetString(0)},{reader.GetFieldValue<DateOnly>(1):yyyy-MM-dd},{reader.GetInt32(2)},{reader.GetInt64(3)},{reader.GetInt32(4)}"));
                }
            }

            Assert.True(fromSql.Count > 50, $"only {fromSql.Count} inactive members: the comparison would prove little");
            Assert.Equal(fromSql.Order(StringComparer.Ordinal), fromCli);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Prints_the_contract_columns_highest_score_first_as_CSV_and_JSON()
    {
        Assert.Equal(0, (await _workspace.RunAsync("demo", "--members", "150", "--months", "6", "--end", "2026-06-30")).ExitCode);

        var csv = await _workspace.RunAsync("score", "-c", "demo", "--as-of", "2026-06-30", "--window", "90", "--inactive-after", "30", "--format", "csv");
        var json = await _workspace.RunAsync("score", "-c", "demo", "--as-of", "2026-06-30", "--window", "90", "--inactive-after", "30", "--format", "json");

        var lines = csv.Output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("member_id,last_active_date,recency_days,active_days,constancy_days,score,segment,", lines[0]);
        var scores = lines.Skip(1).Select(l => double.Parse(l.Split(',')[5], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Equal(lines.Length - 1, document.RootElement.GetArrayLength());
        Assert.Contains("inactive", csv.Error);
    }

    [Theory]
    [InlineData("--window", "0", "window")]
    [InlineData("--as-of", "2026-13-01", "not a date")]
    [InlineData("--weights", "0,0,0", "above zero")]
    public async Task Exits_with_a_usage_error_on_bad_parameters(string option, string value, string message)
    {
        await _workspace.RunAsync("community", "create", "acme");

        var result = await _workspace.RunAsync("score", "-c", "acme", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Exits_3_for_an_unknown_community()
    {
        Assert.Equal(3, (await _workspace.RunAsync("score", "-c", "ghost")).ExitCode);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Actionlytics.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private const string Header = "event_id,member_id,occurred_at,action,content_id,channel";

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string Events(int count, string prefix = "e")
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{prefix}{i},m{i % 13},2026-0{1 + (i % 9)}-1{i % 10}T0{i % 10}:30:00Z,{(i % 2 == 0 ? "login" : "video_view")},v-{i % 4},web\n");
        }
        return csv.ToString();
    }

    private async Task CreateCommunityAsync()
    {
        var created = await _workspace.RunAsync("community", "create", "acme", "--time-zone", "Europe/Paris");
        Assert.Equal(0, created.ExitCode);
    }

    [Fact]
    public async Task Exits_non_zero_naming_lines_7_and_12_and_leaves_the_event_count_unchanged()
    {
        await CreateCommunityAsync();
        await _workspace.RunAsync("import", "events", _workspace.Write("first.csv", Events(20, "first")), "--community", "acme");
        var lines = Events(15).Split('\n');
        lines[6] = "e5,m5,2026-03-05 08:30,login,,web"; // line 7: no time zone and not ISO either
        lines[11] = "e10,m10,2026-02-10T00:30:00Z,,,web"; // line 12: no action
        var bad = _workspace.Write("bad.csv", string.Join('\n', lines));

        var result = await _workspace.RunAsync("import", "events", bad, "--community", "acme");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 7:", result.Error);
        Assert.Contains("line 12: action is missing", result.Error);
        Assert.Contains("nothing was imported", result.Output);
        Assert.Equal(20, await _workspace.EventCountAsync("acme"));
    }

    [Fact]
    public async Task Importing_a_valid_file_twice_leaves_one_copy_of_each_event()
    {
        await CreateCommunityAsync();
        var file = _workspace.Write("events.csv", Events(500));

        var first = await _workspace.RunAsync("import", "events", file, "--community", "acme");
        var second = await _workspace.RunAsync("import", "events", file, "--community", "acme", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("\"duplicates\": 500", second.Output);
        Assert.Equal(500, await _workspace.EventCountAsync("acme"));
    }

    [Fact]
    public async Task Imports_JSON_lines_and_members_files()
    {
        await CreateCommunityAsync();
        var members = _workspace.Write("members.csv", "member_id,display_name,email,locale\nm1,Giulia,giulia@example.org,it\n");
        var events = _workspace.Write("events.jsonl",
            "{\"event_id\":\"j1\",\"member_id\":\"m1\",\"occurred_at\":\"2026-03-01T08:00:00Z\",\"action\":\"contribution\"}\n");

        var memberResult = await _workspace.RunAsync("import", "members", members, "-c", "acme");
        var eventResult = await _workspace.RunAsync("import", "events", events, "-c", "acme", "--no-new-members");

        Assert.Equal(0, memberResult.ExitCode);
        Assert.Contains("1 members created", memberResult.Output);
        Assert.Equal(0, eventResult.ExitCode);
        Assert.Equal(1, await _workspace.EventCountAsync("acme"));
    }

    [Fact]
    public async Task Explains_a_missing_file_an_unknown_format_and_an_unknown_community()
    {
        await CreateCommunityAsync();

        var missing = await _workspace.RunAsync("import", "events", "nope.csv", "-c", "acme");
        var format = await _workspace.RunAsync("import", "events", _workspace.Write("events.xml", "<x/>"), "-c", "acme");
        var community = await _workspace.RunAsync("import", "events", _workspace.Write("e.csv", Events(1)), "-c", "ghost");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", missing.Error);
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("--format", format.Error);
        Assert.Equal(3, community.ExitCode);
        Assert.Contains("community create ghost", community.Error);
    }

    [Fact]
    public async Task An_import_killed_part_way_leaves_the_store_as_it_was()
    {
        await CreateCommunityAsync();
        await _workspace.RunAsync("import", "events", _workspace.Write("before.csv", Events(100, "before")), "-c", "acme");
        var big = _workspace.Write("big.csv", Events(1_500_000, "big"));

        using var import = Process.Start(CliProcess.StartInfo(_workspace.Folder, "import", "events", big, "-c", "acme", "--db", _workspace.Database))!;
        // Progress lines go to standard error once rows are being written inside the import's transaction.
        string? line;
        do
        {
            line = await import.StandardError.ReadLineAsync();
        }
        while (line is not null && !(line.Contains("rows read", StringComparison.Ordinal) && !line.Contains(" 0 imported", StringComparison.Ordinal)));
        Assert.NotNull(line);
        Assert.False(import.HasExited, "the import finished before it could be killed: make the file bigger");
        import.Kill(); // SIGKILL: no chance to clean up
        await import.WaitForExitAsync();

        Assert.Equal(100, await _workspace.EventCountAsync("acme"));
        var after = await _workspace.RunAsync("import", "events", _workspace.Write("after.csv", Events(10, "after")), "-c", "acme");
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(110, await _workspace.EventCountAsync("acme"));
    }
}

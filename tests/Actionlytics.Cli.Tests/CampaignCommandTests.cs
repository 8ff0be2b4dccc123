using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Actionlytics.Tests.Tools;

namespace Actionlytics.Cli.Tests;

/// <summary>The campaign lifecycle from the command line, and delivery that survives the dispatcher being killed.</summary>
public sealed class CampaignCommandTests : IDisposable
{
    private const int Members = 1000;

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>A community of <see cref="Members"/> members with email addresses, all last seen 60 days ago.</summary>
    private async Task CreateLapsedCommunityAsync()
    {
        Assert.Equal(0, (await _workspace.RunAsync("community", "create", "crash")).ExitCode);
        var members = new StringBuilder("member_id,display_name,email\n");
        var events = new StringBuilder("event_id,member_id,occurred_at,action\n");
        var lastSeen = DateTimeOffset.UtcNow.AddDays(-60).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        for (var i = 0; i < Members; i++)
        {
            members.Append(CultureInfo.InvariantCulture, $"m{i},Member {i},m{i}@example.org\n");
            events.Append(CultureInfo.InvariantCulture, $"e{i},m{i},{lastSeen},login\n");
        }
        Assert.Equal(0, (await _workspace.RunAsync("import", "members", _workspace.Write("members.csv", members.ToString()), "--community", "crash")).ExitCode);
        Assert.Equal(0, (await _workspace.RunAsync("import", "events", _workspace.Write("events.csv", events.ToString()), "--community", "crash")).ExitCode);
    }

    private static Dictionary<string, string> Environment(SmtpSink sink, double perSecond) => new()
    {
        ["Campaigns__Email__Host"] = "127.0.0.1",
        ["Campaigns__Email__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Campaigns__Email__Security"] = "None",
        ["Campaigns__Email__PerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture),
        ["Campaigns__QuietHoursStart"] = "00:00",
        ["Campaigns__QuietHoursEnd"] = "00:00",
        ["Campaigns__ClaimSeconds"] = "2",
    };

    private Task<CliProcess.Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliProcess.RunAsync(_workspace.Folder, environment, [.. args, "--db", _workspace.Database]);

    [Fact]
    public async Task Every_recipient_gets_exactly_one_message_when_the_dispatcher_is_killed_mid_send_and_restarted()
    {
        await CreateLapsedCommunityAsync();
        await using var sink = await SmtpSink.StartAsync();
        var environment = Environment(sink, perSecond: 150);
        var draft = await RunAsync(environment, "campaign", "draft", "--community", "crash", "--variants", "2", "--holdout", "0", "--json");
        Assert.True(draft.ExitCode == 0, draft.Error);
        var id = JsonDocument.Parse(draft.Output).RootElement.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(0, (await RunAsync(environment, "campaign", "approve", id, "--version", "1")).ExitCode);

        // Start the send, and kill the process (no chance to clean up) once a third of the messages are out.
        var start = CliProcess.StartInfo(_workspace.Folder, "campaign", "send", id, "--db", _workspace.Database);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using (var sending = Process.Start(start)!)
        {
            _ = sending.StandardOutput.ReadToEndAsync();
            _ = sending.StandardError.ReadToEndAsync();
            await sink.WaitForCountAsync(Members / 3, TimeSpan.FromMinutes(2));
            sending.Kill(entireProcessTree: true);
            await sending.WaitForExitAsync();
        }
        var beforeRestart = sink.Count;
        Assert.InRange(beforeRestart, Members / 3, Members - 1);

        // Past the claim's lease, a new dispatcher finishes the job.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var resumed = await RunAsync(Environment(sink, perSecond: 10_000), "campaign", "dispatch", id);
        Assert.True(resumed.ExitCode == 0, resumed.Error);

        var mail = sink.Messages();
        var perRecipient = mail.GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Members, perRecipient.Count);
        // One message per recipient: at most the one in flight when the process died is transmitted twice, with the same Message-ID.
        Assert.All(perRecipient, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
        Assert.InRange(mail.Count, Members, Members + 1);
        var show = await RunAsync(environment, "campaign", "show", id, "--json");
        var delivery = JsonDocument.Parse(show.Output).RootElement.GetProperty("campaign").GetProperty("delivery");
        Assert.Equal(Members, delivery.GetProperty("sent").GetInt32());
        Assert.Equal("measuring", JsonDocument.Parse(show.Output).RootElement.GetProperty("campaign").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Refuses_to_send_an_unapproved_campaign_and_lets_only_managers_approve()
    {
        await CreateLapsedCommunityAsync();
        await using var sink = await SmtpSink.StartAsync();
        var environment = Environment(sink, perSecond: 10_000);
        var draft = await RunAsync(environment, "campaign", "draft", "--community", "crash", "--json");
        var id = JsonDocument.Parse(draft.Output).RootElement.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var early = await RunAsync(environment, "campaign", "send", id);
        Assert.Equal(2, early.ExitCode);
        Assert.Contains("pending approval", early.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(environment, "community", "grant", "crash", "--user", "dana", "--role", "viewer")).ExitCode);
        var byViewer = await RunAsync(environment, "campaign", "approve", id, "--version", "1", "--as", "dana");
        Assert.Equal(4, byViewer.ExitCode);
        Assert.Contains("Only a manager of 'crash'", byViewer.Error, StringComparison.Ordinal);
        var stale = await RunAsync(environment, "campaign", "approve", id, "--version", "2");
        Assert.Equal(2, stale.ExitCode);
        Assert.Equal(0, sink.Count);
    }
}

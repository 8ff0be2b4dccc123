using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Actionlytics.Core.Communities;
using Actionlytics.Server.Tests;
using Actionlytics.Tests.Tools;
using Microsoft.Playwright;

namespace Actionlytics.Web.Tests;

/// <summary>
/// The bot behind a local Bot Framework channel: the server on Kestrel with Teams configured to trust only the
/// channel's issuer, and <c>tests/tools/teams-channel.js</c> in Node (offline-directline's router, a signer for every
/// activity it forwards, the token endpoint, and a page with the official Web Chat bundle), opened in Debian's Chromium.
/// </summary>
public sealed class DirectLineChannelFixture : IAsyncLifetime
{
    public const string AppId = "5b1e4c1a-0000-4000-8000-00000000d1e1";
    public const string Manager = "megan";

    private const string AppPassword = "round-trip-secret";
    private readonly int _channelPort = FreePort();
    private readonly ServerFactory _server;
    private readonly List<string> _channelLog = [];
    private Process? _channel;
    private IPlaywright? _playwright;

    public DirectLineChannelFixture()
    {
        ChannelUrl = $"http://127.0.0.1:{_channelPort}";
        _server = new ServerFactory(new()
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = AppPassword,
            ["Teams:OpenIdMetadataUrl"] = ChannelUrl + "/issuer/.well-known/openid-configuration",
            ["Teams:ValidIssuers:0"] = ChannelUrl + "/issuer",
            ["Teams:TokenEndpoint"] = ChannelUrl + "/issuer/token",
            ["Teams:DefaultCommunity"] = "demo",
            // The channel here names its users itself, as a Direct Line with enhanced authentication would.
            ["Teams:TrustedChannels:0"] = "emulator",
        });
    }

    /// <summary>The channel: Direct Line for Web Chat, the Bot Connector for the bot, and the Web Chat page at /.</summary>
    public string ChannelUrl { get; }

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client on loopback with no browser marks: the local admin, as scripts are.</summary>
    public HttpClient Local { get; private set; } = null!;

    /// <summary>What the channel process printed: shown when a test fails.</summary>
    public string ChannelLog { get { lock (_channelLog) { return string.Join('\n', _channelLog); } } }

    public async Task InitializeAsync()
    {
        Local = await _server.CreateHealthyClientAsync();
        // The emulator channel names a Web Chat user by the id the page gives: channel:emulator:<id>.
        await _server.GrantAsync("demo", "channel:emulator:" + Manager, CommunityRole.Manager);
        await StartChannelAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await DebianChromium.LaunchAsync(_playwright);
    }

    private async Task StartChannelAsync()
    {
        TestTools.NpmPackagePath("offline-directline");
        var tools = TestTools.Folder;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(tools, "teams-channel.js"), "--port", _channelPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bot", Local.BaseAddress + "api/messages", "--app-id", AppId, "--app-password", AppPassword },
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _channel = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Log(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_channelLog)
            {
                _channelLog.Add(line);
            }
            if (line.StartsWith("listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }
        _channel.OutputDataReceived += (_, e) => Log(e.Data);
        _channel.ErrorDataReceived += (_, e) => Log(e.Data);
        _channel.BeginOutputReadLine();
        _channel.BeginErrorReadLine();
        var exited = _channel.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(30))) != listening.Task)
        {
            throw new InvalidOperationException("The channel did not start:\n" + ChannelLog);
        }
    }

    /// <summary>The Web Chat page as <paramref name="user"/> (shown as <paramref name="name"/>), with its Direct Line conversation started.</summary>
    public async Task<IPage> WebChatAsync(string user, string name)
    {
        var page = await (await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } })).NewPageAsync();
        await page.GotoAsync($"{ChannelUrl}/?user={Uri.EscapeDataString(user)}&name={Uri.EscapeDataString(name)}");
        await Assertions.Expect(page.GetByText("Connectivity Status: Connected")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) => WebChatFixture.ScreenshotAsync(page, name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_channel is { HasExited: false })
        {
            _channel.Kill(entireProcessTree: true);
            await _channel.WaitForExitAsync();
        }
        _channel?.Dispose();
        Local?.Dispose();
        await _server.DisposeAsync();
    }
}

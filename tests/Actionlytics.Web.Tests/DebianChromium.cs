using Microsoft.Playwright;

namespace Actionlytics.Web.Tests;

/// <summary>Debian's Chromium (ACTIONLYTICS_CHROMIUM, default /usr/bin/chromium), headless, driven by Playwright: no browser download.</summary>
public static class DebianChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var chromium = Environment.GetEnvironmentVariable("ACTIONLYTICS_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"No Chromium at {chromium}: scripts/test.sh installs Debian's chromium package (or set ACTIONLYTICS_CHROMIUM).");
        }
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Chromium's own background connections are refused on a closed network, many at a time: keep them off.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The repository's root folder (where Actionlytics.Agent.sln is).</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Actionlytics.Agent.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}

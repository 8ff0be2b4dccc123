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
}

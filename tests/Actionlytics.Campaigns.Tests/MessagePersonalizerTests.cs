using Actionlytics.Campaigns.Delivery;

namespace Actionlytics.Campaigns.Tests;

public sealed class MessagePersonalizerTests
{
    [Theory]
    [InlineData("Amélie Durand", "Amélie")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("Jean-Luc Picard", "Jean-Luc")]
    [InlineData("https://evil.example/reset now", null)]
    [InlineData("[Verify](https://x) account", null)]
    [InlineData("<img src=x onerror=alert(1)>", null)]
    [InlineData("\u202Eevil", null)]
    [InlineData("   ", null)]
    public void Greets_by_first_name_only_when_it_reads_as_a_name(string displayName, string? expected) =>
        Assert.Equal(expected, MessagePersonalizer.FirstName(displayName));
}

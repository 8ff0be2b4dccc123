using Actionlytics.Core.Campaigns;

namespace Actionlytics.Core.Tests.Campaigns;

public sealed class MessageTemplateTests
{
    [Fact]
    public void Fills_the_tokens_once_so_member_data_is_never_read_as_a_template()
    {
        var template = new MessageTemplate("Hi {{first_name}}", "Dear {{ first_name }}, see {{suggested_content}}.");

        var (subject, body) = template.Render(new Dictionary<string, string>
        {
            ["first_name"] = "{{unsubscribe_link}}<script>",
            ["suggested_content"] = "the new course",
        });

        Assert.Equal("Hi {{unsubscribe_link}}<script>", subject);
        Assert.Equal("Dear {{unsubscribe_link}}<script>, see the new course.", body);
    }

    [Fact]
    public void Names_unknown_tokens_empty_parts_and_oversized_bodies()
    {
        Assert.Empty(new MessageTemplate("Hello {{first_name}}", "Body {{community_name}}").Problems());
        var problems = new MessageTemplate(" ", new string('x', MessageTemplate.MaxBodyLength + 1) + "{{firstname}}").Problems().ToList();
        Assert.Contains("The subject is empty.", problems);
        Assert.Contains(problems, p => p.StartsWith("The body is longer than", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Unknown token {{firstname}}", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_the_subject_on_one_line_whatever_a_value_contains()
    {
        var (subject, _) = new MessageTemplate("For {{first_name}}", "b").Render(new Dictionary<string, string> { ["first_name"] = "Ann\r\nBcc: x@example.org" });
        Assert.DoesNotContain('\n', subject);
        Assert.DoesNotContain('\r', subject);
    }

    [Fact]
    public void Picks_the_members_language_and_falls_back_to_english()
    {
        var variant = new CampaignVariantSpec("A", "autonomy", "warm", ["p"], new Dictionary<string, MessageTemplate>
        {
            ["en"] = new("Hello", "b"),
            ["fr"] = new("Bonjour", "b"),
        });
        Assert.Equal("Bonjour", variant.MessageFor("fr-CA").Subject);
        Assert.Equal("Hello", variant.MessageFor("de").Subject);
        Assert.Equal("Hello", variant.MessageFor(null).Subject);
    }
}

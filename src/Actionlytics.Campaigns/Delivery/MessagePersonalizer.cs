using System.Globalization;
using Actionlytics.Core;
using Actionlytics.Core.Campaigns;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Members;
using Actionlytics.Data.Campaigns;

namespace Actionlytics.Campaigns.Delivery;

/// <summary>
/// Fills a variant's tokens for one member from their data and the phrases in <c>prompts/campaigns/personalisation.{language}.md</c>.
/// Member data is inserted as plain text; it is never read as template or markup.
/// </summary>
public sealed class MessagePersonalizer
{
    private readonly Dictionary<string, Dictionary<string, string>> _phrases;

    public MessagePersonalizer(string? promptFolder = null)
    {
        var folder = Path.Combine(promptFolder ?? PromptFolders.Locate("campaigns"));
        _phrases = Directory.EnumerateFiles(folder, "personalisation.*.md")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f).Split('.')[1], f => Parse(File.ReadAllLines(f)), StringComparer.Ordinal);
        if (!_phrases.TryGetValue(CampaignVariantSpec.DefaultLanguage, out var english))
        {
            throw new InvalidOperationException($"{folder}: personalisation.en.md is missing.");
        }
        var keys = english.Keys.ToHashSet();
        foreach (var (language, phrases) in _phrases)
        {
            if (!keys.SetEquals(phrases.Keys))
            {
                throw new InvalidOperationException($"{folder}: personalisation.{language}.md does not have the same keys as personalisation.en.md.");
            }
        }
    }

    public IEnumerable<string> Languages => _phrases.Keys;

    /// <summary>The rendered subject and body for <paramref name="member"/>.</summary>
    public (string Subject, string Body) Render(
        CampaignVariantSpec variant, Community community, Member member, CampaignRecipient recipient, DateOnly today, string unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(recipient);
        var language = variant.LanguageFor(member.Locale);
        var template = variant.Messages[language];
        var phrases = _phrases.GetValueOrDefault(language) ?? _phrases[CampaignVariantSpec.DefaultLanguage];
        var culture = CultureInfo.GetCultureInfo(language);
        string Phrase(string key, params (string Name, string Value)[] values) =>
            values.Aggregate(phrases[key], (text, v) => text.Replace("{" + v.Name + "}", v.Value, StringComparison.Ordinal));

        var communityName = OneLine(community.Name);
        var (subject, body) = template.Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["first_name"] = FirstName(member.DisplayName) ?? Phrase("first_name_fallback"),
            ["community_name"] = communityName,
            ["manager_name"] = Phrase("sender_name", ("community", communityName)),
            ["last_activity"] = Phrase("last_activity", ("date", recipient.LastActiveDate.ToString(phrases["date_format"], culture))),
            ["days_since_last_visit"] = (today.DayNumber - recipient.LastActiveDate.DayNumber).ToString(culture),
            ["progress_summary"] = Phrase("progress_summary", ("active_days", recipient.LifetimeActiveDays.ToString("N0", culture))),
            ["suggested_content"] = Phrase("suggested_content", ("community", communityName)),
            ["preferences_link"] = unsubscribeUrl,
            ["unsubscribe_link"] = unsubscribeUrl,
        });
        // EU AI Act, article 50: people are told when a text meant for them was generated with AI.
        return (subject, body.TrimEnd() + "\n\n" + Phrase("ai_disclosure"));
    }

    /// <summary>
    /// The first word of a display name when it reads as a name (letters, marks, apostrophes, hyphens, dots); null
    /// otherwise, for the fallback greeting. A name is member data: a URL, markup or markdown there must not become a link in an inbox.
    /// </summary>
    internal static string? FirstName(string? displayName)
    {
        var name = OneLine(displayName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(name) || name.Length > 40 || !name.All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            || c is '\'' or '’' or '-' or '.') || !char.IsLetter(name[0]))
        {
            return null;
        }
        return name;
    }

    private static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static Dictionary<string, string> Parse(string[] lines)
    {
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        var text = new List<string>();
        void Flush()
        {
            if (key is not null)
            {
                phrases[key] = string.Join('\n', text).Trim();
            }
            text.Clear();
        }
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                key = line[3..].Trim();
            }
            else if (key is not null)
            {
                text.Add(line);
            }
        }
        Flush();
        return phrases;
    }
}

namespace Actionlytics.Core.Campaigns;

/// <summary>
/// One variant of a campaign: the need it speaks to, its tone, the playbooks it comes from (cited) and its message
/// per language (at least English; members get their locale's language when there is one, English otherwise).
/// </summary>
public sealed record CampaignVariantSpec(
    string Name,
    string Need,
    string Tone,
    IReadOnlyList<string> PlaybookIds,
    IReadOnlyDictionary<string, MessageTemplate> Messages)
{
    public const string DefaultLanguage = "en";

    public static readonly IReadOnlySet<string> Needs = new HashSet<string>(StringComparer.Ordinal) { "autonomy", "competence", "relatedness" };

    /// <summary>The message for a member's locale (<c>fr-CA</c> uses <c>fr</c>), English when the language has none.</summary>
    public MessageTemplate MessageFor(string? locale) => Messages[LanguageFor(locale)];

    /// <summary>The language of the message a member with this locale receives.</summary>
    public string LanguageFor(string? locale)
    {
        var language = string.IsNullOrEmpty(locale) ? DefaultLanguage : locale.Split('-', '_')[0].ToLowerInvariant();
        return Messages.ContainsKey(language) ? language : DefaultLanguage;
    }

    public IEnumerable<string> Problems()
    {
        if (!Needs.Contains(Need))
        {
            yield return $"Variant {Name}: unknown need '{Need}' (autonomy, competence or relatedness).";
        }
        if (!Messages.ContainsKey(DefaultLanguage))
        {
            yield return $"Variant {Name}: an English message is required (members without a known language get it).";
        }
        foreach (var (language, message) in Messages)
        {
            foreach (var problem in message.Problems())
            {
                yield return $"Variant {Name} ({language}): {problem}";
            }
        }
    }
}

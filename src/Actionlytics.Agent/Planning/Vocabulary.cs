namespace Actionlytics.Agent.Planning;

/// <summary>
/// The words managers use for the product's concepts, in English, French and Italian (normalised: lowercase, no
/// accents). Phrases are matched as whole words; the longest, most specific phrases come first.
/// </summary>
internal static class Vocabulary
{
    public static readonly (string Value, string[] Phrases)[] Actions =
    [
        ("login", ["logins", "login", "log ins", "log in", "logged in", "sign ins", "connexions", "connexion", "se sont connectes", "connectes", "connected", "collegati", "si sono collegati", "accessi", "accesso", "accessi", "visits", "visites"]),
        ("download", ["downloads", "download", "telechargements", "telechargement", "scaricamenti", "download"]),
        ("quiz_answer", ["quiz answers", "quizzes", "quizz", "quiz", "questionnaires"]),
        ("badge_earned", ["badges", "badge"]),
        ("video_view", ["video views", "videos", "video", "vues video", "en video"]),
        ("contribution", ["forum posts", "posts", "contributions", "contribution", "comments", "commentaires", "publications", "messages du forum", "contributi", "commenti", "post nel forum"]),
    ];

    public static readonly (string Value, string[] Phrases)[] Segments =
    [
        ("recently_lapsed_regulars", ["recently_lapsed_regulars", "recently lapsed regulars", "lapsed regulars", "former regulars", "anciens reguliers recemment partis", "anciens reguliers", "habitues recemment partis", "reguliers recemment partis", "regolari persi di recente", "ex regolari"]),
        ("one_timers", ["one_timers", "one-timers", "one timers", "onetimers", "only came once", "came once", "came only once", "visited once", "venus une seule fois", "venu une seule fois", "une seule visite", "venuti una sola volta", "una sola volta"]),
        ("recently_lapsed", ["recently_lapsed", "recently lapsed", "recemment partis", "partis recemment", "recemment inactifs", "persi di recente", "inattivi di recente"]),
        ("fading", ["fading", "en perte de vitesse", "en declin", "qui decrochent", "in calo", "in declino"]),
        ("long_gone", ["long_gone", "long-gone", "long gone", "partis depuis longtemps", "persi da tempo", "spariti da tempo"]),
    ];

    public static readonly (string Value, string[] Phrases)[] Profiles =
    [
        ("learner", ["learners", "learner", "apprenants", "apprenant", "corsisti", "discenti"]),
        ("contributor", ["contributors", "contributor", "contributeurs", "contributeur", "contributori", "posters"]),
        ("collector", ["collectors", "collector", "people who mostly download", "who mostly download", "mostly download", "collectionneurs", "collectionneur", "collezionisti"]),
        ("lurker", ["lurkers", "lurker", "readers who never post", "silent readers", "lecteurs silencieux", "lecteurs", "lettori silenziosi"]),
        ("generalist", ["generalists", "generalist", "generalistes", "generaliste", "generalisti"]),
    ];

    public static readonly (string Value, string[] Phrases)[] Needs =
    [
        ("competence", ["competence", "competence-focused", "competences", "competenza", "mastery", "skills", "progress angle"]),
        ("autonomy", ["autonomy", "autonomie", "autonomia", "autonomy-supportive"]),
        ("relatedness", ["relatedness", "belonging", "appartenance", "lien social", "relazione", "appartenenza", "connection"]),
    ];

    public static readonly (string Value, string[] Phrases)[] Channels =
    [
        ("teams", ["microsoft teams", "ms teams", "teams"]),
        ("email", ["e mail", "email", "emails", "mail", "courriel", "par mail"]),
        ("webhook", ["webhook", "webhooks"]),
        ("in_platform", ["in-platform", "in platform", "in-app", "in app", "dans la plateforme", "notification dans la plateforme", "nella piattaforma", "in piattaforma"]),
    ];

    public static readonly (string Value, string[] Phrases)[] Formats =
    [
        ("xlsx", ["excel", "xlsx", "spreadsheet", "tableur"]),
        ("csv", ["csv"]),
        ("json", ["json"]),
    ];

    public static readonly (string Value, string[] Phrases)[] Granularities =
    [
        ("day", ["by day", "per day", "daily", "day by day", "each day", "every day", "chaque jour", "ogni giorno", "par jour", "jour par jour", "quotidien", "al giorno", "giorno per giorno", "giornaliero", "per giorno"]),
        ("week", ["by week", "per week", "weekly", "week by week", "each week", "par semaine", "semaine par semaine", "hebdomadaire", "a settimana", "settimana per settimana", "settimanale", "per settimana"]),
        ("month", ["by month", "per month", "monthly", "month by month", "each month", "par mois", "mois par mois", "mensuel", "mensuelle", "mese per mese", "mensile", "al mese", "per mese"]),
    ];

    /// <summary>The first value whose phrase appears; null when none does.</summary>
    public static string? Find(Utterance utterance, (string Value, string[] Phrases)[] table) =>
        table.FirstOrDefault(entry => utterance.Has(entry.Phrases)).Value;

    /// <summary>Like <see cref="Find"/>, with where the phrase is (to tell a profile's words from an action's).</summary>
    public static (string Value, int Position, int Length)? Locate(Utterance utterance, (string Value, string[] Phrases)[] table)
    {
        foreach (var (value, phrases) in table)
        {
            foreach (var phrase in phrases)
            {
                var at = utterance.Normalised.IndexOf(" " + phrase + " ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    return (value, at + 1, phrase.Length);
                }
            }
        }
        return null;
    }
}

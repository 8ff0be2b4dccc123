using Actionlytics.Agent.Planning;
using Actionlytics.Agent.Prompts;

namespace Actionlytics.Agent.Tests;

/// <summary>
/// Spanish and German, added as lexicon folders only: the same readings as in the first three languages, with each
/// language's own date forms, thresholds and counts, and the answer in the question's language.
/// </summary>
public sealed class OtherLanguageReadingTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly PlannerLexicon Lexicon = AgentPrompts.Load(AgentPrompts.DefaultFolder()).Lexicon;
    private static readonly CommunityTerms Repository = new(["code_change", "docs_update", "release", "bot_update"], Lexicon);

    private static string Read(string question)
    {
        var plan = RequestReader.Read(question, Today, [], Repository);
        return plan.Language + ": " + PlanText.Of(plan);
    }

    [Theory]
    [InlineData("¿Cuántos miembros estaban inactivos el 3 de mayo de 2019?", "es: inactivity_scores as_of=2019-05-03")]
    [InlineData("¿Cuántos miembros estaban inactivos a finales de abril de 2018, con un umbral de 45 días?", "es: inactivity_scores as_of=2018-04-30,inactive_after_days=45")]
    [InlineData("¿Cuántos miembros activos hubo del 1 al 15 de marzo de 2021?", "es: activity_trend from=2021-03-01,to=2021-03-15")]
    [InlineData("¿Cuántas releases hubo en el segundo trimestre de 2017?", "es: count_actions action=release,from=2017-04-01,to=2017-06-30,top=5")]
    [InlineData("¿Quiénes fueron los 5 miembros más activos en 2020?", "es: count_actions from=2020-01-01,to=2020-12-31,top=5")]
    [InlineData("¿Cuántos commits de documentación (docs_update) hubo en 2021?", "es: count_actions action=docs_update,from=2021-01-01,to=2021-12-31,top=5")]
    [InlineData("¿Cuántos miembros estuvieron activos tanto en el primer trimestre de 2020 como en el segundo?", "es: compare_periods from=2020-04-01,previous_from=2020-01-01,previous_to=2020-03-31,to=2020-06-30")]
    [InlineData("¿Subió o bajó el número de miembros activos de marzo a mayo de 2020?", "es: compare_periods from=2020-05-01,previous_from=2020-03-01,previous_to=2020-03-31,to=2020-05-31")]
    [InlineData("¿Cuántas líneas de código se escribieron en 2021?", "es: NotCounted líneas de código")]
    public void Reads_Spanish(string question, string expected) =>
        Assert.Equal(expected, Read(question));
}

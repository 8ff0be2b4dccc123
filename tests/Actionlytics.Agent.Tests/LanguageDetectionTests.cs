using System.Text.Json;
using Actionlytics.Agent.Planning;
using Actionlytics.Tests.Tools;
using Actionlytics.Tests.Tools.Blind;
using Xunit.Abstractions;

namespace Actionlytics.Agent.Tests;

/// <summary>Every labelled question is answered in the language it was written in: the labelled sets and the retired blind sets.</summary>
public sealed class LanguageDetectionTests(ITestOutputHelper output)
{
    [Fact]
    public void Tells_the_language_of_every_labelled_question()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Utterances");
        var questions = new List<(string Id, string Language, string Text, string? Conversation)>();
        // The retired blind sets stay beside the sources (their data files are not copied to the build output); a
        // follow-up is read in the conversation of the question it follows, as the chat reads it.
        foreach (var set in BlindSet.All(RepositoryRoot.Find()))
        {
            var asked = set.Questions();
            questions.AddRange(asked.Select(q => (q.Id, q.Language, q.Question,
                q.Follows is null ? null : (string?)RequestReader.LanguageOf(asked.Single(f => f.Id == q.Follows).Question))));
        }
        foreach (var file in new[] { "tuning.json", "tuning-b.json", "tuning-c.json", "heldout.json" })
        {
            foreach (var labelled in PlannerEvaluation.Load(Path.Combine(folder, file)).Cases)
            {
                var language = labelled.Id.Split('-').FirstOrDefault(p => p is "en" or "fr" or "it" or "es" or "de");
                if (language is not null)
                {
                    questions.AddRange(labelled.Turns.Select(t => (labelled.Id, language, t.User, (string?)null)));
                }
            }
        }
        var wrong = questions.Where(q => RequestReader.LanguageOf(q.Text, conversationLanguage: q.Conversation) != q.Language).ToList();
        foreach (var (id, language, text, conversation) in wrong)
        {
            output.WriteLine($"{id} ({language}, read {RequestReader.LanguageOf(text, conversationLanguage: conversation)}): {text}");
        }
        Assert.True(questions.Count > 500);
        Assert.Empty(wrong);
    }
}

using Actionlytics.Knowledge.Playbooks;

namespace Actionlytics.Knowledge.Tests;

public class PlaybookParserTests
{
    private const string Valid = """
        ---
        id: sample-playbook
        title: A sample playbook
        needs: [competence]
        profiles: [learner]
        segments: [fading, recently_lapsed]
        channels: [email, teams]
        tone: warm
        evidence:
          - "Ryan, R. M., & Deci, E. L. (2017). Self-Determination Theory. Guilford Press."
        ---

        # A sample playbook

        ## Why it works
        Because.
        ## When to use
        Often.
        ## When not to use
        Rarely.
        ## How to do it
        1. Do it.
        ## Example message (English)
        Subject: Hello
        Hi {{first_name}}.
        ## Example message (French)
        Objet : Bonjour
        Bonjour {{first_name}}.
        """;

    [Fact]
    public void Reads_the_front_matter_and_every_section()
    {
        var playbook = PlaybookParser.Parse("/p/sample-playbook.md", Valid);

        Assert.Equal("A sample playbook", playbook.Title);
        Assert.Equal(["fading", "recently_lapsed"], playbook.Segments);
        Assert.Single(playbook.Evidence);
        Assert.Equal(6, playbook.Sections.Count);
        Assert.Equal("1. Do it.", playbook.Section("How to do it")!.Text);
        Assert.Equal(15, playbook.Section("Why it works")!.Line);
    }

    [Theory]
    [InlineData("needs: [competence]", "needs: [mastery]", 4, "'mastery' is not one of the needs")]
    [InlineData("tone: warm", "tone warm", 8, "expected 'key: value'")]
    [InlineData("id: sample-playbook", "id: other-name", 2, "match the file name")]
    [InlineData("channels: [email, teams]", "channels: [email, fax]", 7, "'fax' is not one of the channels")]
    [InlineData("## When not to use\nRarely.\n", "", 26, "missing section: '## When not to use'")]
    [InlineData("tone: warm\n", "", 10, "the front matter has no 'tone'")]
    public void Names_the_file_and_line_of_what_is_wrong(string replace, string with, int line, string problem)
    {
        var error = Assert.Throws<PlaybookFormatException>(() => PlaybookParser.Parse("/p/sample-playbook.md", Valid.Replace(replace, with, StringComparison.Ordinal)));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith("/p/sample-playbook.md:", error.Message);
    }

    [Fact]
    public void Refuses_a_file_without_front_matter()
    {
        Assert.Equal(1, Assert.Throws<PlaybookFormatException>(() => PlaybookParser.Parse("/p/x.md", "# Just a title")).Line);
    }
}

namespace Actionlytics.Core;

/// <summary>Where the model-facing text lives: <c>prompts/&lt;name&gt;</c> next to the program when published, else found by walking up from it (a source checkout).</summary>
public static class PromptFolders
{
    public static string Locate(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "prompts", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "prompts", name);
    }
}

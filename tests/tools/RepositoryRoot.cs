namespace Actionlytics.Tests.Tools;

/// <summary>The checkout a test or benchmark runs from: sets and data that are not copied to the build output are read beside the sources.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Actionlytics.Agent.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Run from a checkout of the repository (no Actionlytics.Agent.sln above the program).");
    }
}

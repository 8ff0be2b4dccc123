namespace Actionlytics.Tests.Tools;

/// <summary>
/// The test tools of this folder (tests/tools), found from a test's output folder: the Node scripts and the npm
/// packages that scripts/test.sh installs with <c>npm ci --prefix tests/tools</c>.
/// </summary>
public static class TestTools
{
    /// <summary>The repository's root folder (where Actionlytics.Agent.sln is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "tests", "tools");

    /// <summary>A path inside an installed npm package; a clear error when the packages are not installed.</summary>
    public static string NpmPackagePath(string package, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var installed = Path.Combine(Folder, "node_modules", package);
        if (!Directory.Exists(installed))
        {
            throw new InvalidOperationException($"npm package {package} is missing from tests/tools: scripts/test.sh installs it (npm ci --prefix tests/tools).");
        }
        return Path.Combine([installed, .. path]);
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Actionlytics.Agent.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}

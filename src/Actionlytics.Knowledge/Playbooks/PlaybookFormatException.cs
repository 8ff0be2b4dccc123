namespace Actionlytics.Knowledge.Playbooks;

/// <summary>A playbook file cannot be used as written; names the file and the line.</summary>
public sealed class PlaybookFormatException(string path, int line, string problem)
    : Core.Refusals.RefusalException(Core.Refusals.RefusalKind.InvalidInput, $"{path}:{line}: {problem}")
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public string Problem { get; } = problem;
}

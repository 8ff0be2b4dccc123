namespace Actionlytics.Core.Ingestion;

/// <summary>Collects every reason a row is invalid, so one report lists them all.</summary>
internal struct RowProblems
{
    private List<string>? _reasons;

    public readonly bool Any => _reasons is not null;

    public void Add(string reason) => (_reasons ??= []).Add(reason);

    public readonly string? Describe() => _reasons is null ? null : string.Join("; ", _reasons);

    /// <summary>Checks an identifier-like field: present when required, within its length.</summary>
    public string? Text(string? value, string name, int maxChars, bool required)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                Add($"{name} is missing");
            }
            return null;
        }
        if (trimmed.Length > maxChars)
        {
            Add($"{name} is longer than {maxChars} characters");
            return null;
        }
        return trimmed;
    }

    public void Extras(string? json, string name)
    {
        if (json is not null && json.Length > FieldLimits.ExtrasJsonChars)
        {
            Add($"the extra columns kept as {name} exceed {FieldLimits.ExtrasJsonChars:N0} characters");
        }
    }
}

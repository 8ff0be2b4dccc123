using System.ComponentModel.DataAnnotations;

namespace Actionlytics.Server.Security;

/// <summary>
/// Who may call the REST API. Bound from the <c>Api</c> section. With no key configured, only callers on this
/// machine (loopback) are let in: the embedded default listens on localhost only.
/// </summary>
public sealed class ApiAccessOptions : IValidatableObject
{
    public const string SectionName = "Api";

    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>Let callers on this machine in without a key while no key is configured.</summary>
    public bool AllowLoopbackWithoutKey { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var key in Keys)
        {
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                yield return new ValidationResult("Every Api:Keys entry needs a Name (who holds the key).");
            }
            if (key.Key.Length < 16)
            {
                yield return new ValidationResult($"The API key '{key.Name}' is shorter than 16 characters: use a long random secret.");
            }
        }
        if (Keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != Keys.Count)
        {
            yield return new ValidationResult("Two Api:Keys entries have the same key.");
        }
    }
}

/// <summary>One API key: what it may read and write.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key (for logs and audit).</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret, sent as <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>Community slugs the key may use; empty (or <c>*</c>) for all.</summary>
    /// <remarks>No default entries: configuration binding appends to a list, it would never narrow a default.</remarks>
    public List<string> Communities { get; set; } = [];

    /// <summary>Whether the key may import data (otherwise it only reads).</summary>
    public bool CanWrite { get; set; }
}

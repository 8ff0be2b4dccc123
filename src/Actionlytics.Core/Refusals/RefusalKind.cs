namespace Actionlytics.Core.Refusals;

/// <summary>
/// Why a request was refused. Each channel maps a kind once: HTTP to a problem status, the CLI to an exit code, a
/// tool to a short message for the model, Teams to a polite reply. The same refusal means the same thing everywhere.
/// </summary>
public enum RefusalKind
{
    /// <summary>The request cannot be used as given (a bad date, an unknown action, an empty question): HTTP 400.</summary>
    InvalidInput,

    /// <summary>What it names does not exist for the caller (a community, a thread, a campaign): HTTP 404.</summary>
    NotFound,

    /// <summary>The caller lacks the role it needs: HTTP 403.</summary>
    Forbidden,

    /// <summary>It clashes with the current state (a campaign already approved, a name taken): HTTP 409.</summary>
    Conflict,

    /// <summary>Something it depends on cannot answer now (the vector store, the model): HTTP 503; trying later may work.</summary>
    Unavailable,
}

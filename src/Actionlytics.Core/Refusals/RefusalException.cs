namespace Actionlytics.Core.Refusals;

/// <summary>
/// The one way anything in Actionlytics refuses a request: a kind and a message written for the person (or model)
/// who asked, saying what to change. Domain exceptions derive from it; nothing else is caught by the channels.
/// </summary>
public abstract class RefusalException : Exception
{
    protected RefusalException(RefusalKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public RefusalKind Kind { get; }
}

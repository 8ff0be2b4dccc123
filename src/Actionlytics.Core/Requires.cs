namespace Actionlytics.Core;

/// <summary>Modules register only their own services and say, at registration, which module they need first.</summary>
public static class Requires
{
    /// <param name="registered">The service types registered so far (<c>services.Select(d => d.ServiceType)</c>).</param>
    public static void Registered<TService>(IEnumerable<Type> registered, string module, string dependency)
    {
        if (!registered.Contains(typeof(TService)))
        {
            throw new InvalidOperationException($"{module} needs {dependency} first: it uses {typeof(TService).Name}.");
        }
    }
}

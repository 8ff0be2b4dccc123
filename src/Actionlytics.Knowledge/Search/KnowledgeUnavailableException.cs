using Actionlytics.Core.Refusals;
using Microsoft.Extensions.VectorData;

namespace Actionlytics.Knowledge.Search;

/// <summary>The vector store could not answer (not indexed yet, another embedding model, Qdrant down): trying again later, or re-indexing, may work.</summary>
public sealed class KnowledgeUnavailableException(string message, Exception innerException)
    : RefusalException(RefusalKind.Unavailable, message, innerException);

/// <summary>Turns the vector store's own failures into the product's refusal, where the knowledge base calls the store.</summary>
internal static class Unavailable
{
    public static async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (VectorStoreException e)
        {
            throw new KnowledgeUnavailableException(e.Message, e);
        }
    }
}

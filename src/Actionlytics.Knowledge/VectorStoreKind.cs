namespace Actionlytics.Knowledge;

/// <summary>Where the playbooks' vectors are kept.</summary>
public enum VectorStoreKind
{
    /// <summary>A file in the data folder, searched exactly (cosine): nothing to run, the default.</summary>
    Sqlite,

    /// <summary>A Qdrant server, through its REST API (<see cref="KnowledgeOptions.QdrantUrl"/>).</summary>
    Qdrant,
}

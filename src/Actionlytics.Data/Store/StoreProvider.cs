namespace Actionlytics.Data.Store;

/// <summary>The database engines the store runs on.</summary>
public enum StoreProvider
{
    /// <summary>One file under the data folder: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for larger communities and several server instances.</summary>
    Postgres,
}

using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Actionlytics.Data.Store;

/// <summary>
/// What the ADO.NET paths need to know about a provider: how to connect and how instants and days are stored.
/// The SQL itself (<c>INSERT ... ON CONFLICT</c>) is the same on SQLite and PostgreSQL.
/// </summary>
public abstract class StoreDialect
{
    public static StoreDialect For(StoreProvider provider) => provider switch
    {
        StoreProvider.Sqlite => new SqliteDialect(),
        StoreProvider.Postgres => new PostgresDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public abstract StoreProvider Provider { get; }

    public abstract DbType InstantType { get; }

    public abstract DbType DayType { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    public abstract object Instant(DateTimeOffset instant);

    public abstract object Day(DateOnly day);

    public abstract DateOnly ReadDay(DbDataReader reader, int ordinal);

    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>Prepares a statement for a bulk write inside <paramref name="transaction"/>.</summary>
    public virtual BulkStatement Prepare(DbConnection connection, DbTransaction transaction, string sql, params (string Name, BulkValue Kind)[] parameters) =>
        new AdoBulkStatement(connection, transaction, this, sql, parameters);

    /// <summary>Session settings for a connection that writes in bulk.</summary>
    public virtual Task PrepareBulkSessionAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class SqliteDialect : StoreDialect
    {
        public override StoreProvider Provider => StoreProvider.Sqlite;

        public override DbType InstantType => DbType.Int64;

        public override DbType DayType => DbType.Int32;

        public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

        public override object Instant(DateTimeOffset instant) => StoreConverters.ToUnixMilliseconds(instant);

        public override object Day(DateOnly day) => StoreConverters.ToEpochDay(day);

        public override DateOnly ReadDay(DbDataReader reader, int ordinal) => StoreConverters.FromEpochDay(reader.GetInt32(ordinal));

        public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => StoreConverters.FromUnixMilliseconds(reader.GetInt64(ordinal));

        public override BulkStatement Prepare(DbConnection connection, DbTransaction transaction, string sql, params (string Name, BulkValue Kind)[] parameters) =>
            new SqliteBulkStatement((SqliteConnection)connection, sql, parameters);

        public override async Task PrepareBulkSessionAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            // NORMAL is durable at every commit in WAL mode except on power loss; a bigger cache keeps index pages in memory.
            command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed class PostgresDialect : StoreDialect
    {
        public override StoreProvider Provider => StoreProvider.Postgres;

        public override DbType InstantType => DbType.DateTimeOffset;

        public override DbType DayType => DbType.Date;

        public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

        public override object Instant(DateTimeOffset instant) => instant.ToUniversalTime();

        public override object Day(DateOnly day) => day;

        public override DateOnly ReadDay(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

        public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
    }
}

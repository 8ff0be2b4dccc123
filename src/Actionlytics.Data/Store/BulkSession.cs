using System.Data.Common;

namespace Actionlytics.Data.Store;

/// <summary>A connection with an open transaction, set up for writing in bulk; disposing it without commit rolls back.</summary>
public sealed class BulkSession : IAsyncDisposable
{
    private BulkSession(DbConnection connection, DbTransaction transaction, StoreDialect dialect)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public StoreDialect Dialect { get; }

    public static async Task<BulkSession> BeginAsync(StoreDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await database.Dialect.PrepareBulkSessionAsync(connection, cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new BulkSession(connection, transaction, database.Dialect);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public BulkStatement Prepare(string sql, params (string Name, BulkValue Kind)[] parameters) =>
        Dialect.Prepare(Connection, Transaction, sql, parameters);

    /// <summary>Marks the community's data as changed by this transaction; returns its new data version.</summary>
    public async Task<long> BumpDataVersionAsync(int communityId, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = "UPDATE communities SET data_version = data_version + 1 WHERE id = @community RETURNING data_version";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@community";
        parameter.Value = communityId;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}

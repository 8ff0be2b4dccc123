using System.Data;
using System.Data.Common;

namespace Actionlytics.Data.Ingestion;

/// <summary>A prepared command with positional parameters, reused for every row of an import.</summary>
internal sealed class StoreCommand : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public StoreCommand(DbConnection connection, DbTransaction transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _command.CommandTimeout = 0; // imports of millions of rows are long by design; cancellation stops them
        _parameters = new DbParameter[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = parameters[i].Name;
            parameter.DbType = parameters[i].Type;
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
        _command.Prepare();
    }

    public StoreCommand Set(int index, object? value)
    {
        _parameters[index].Value = value ?? DBNull.Value;
        return this;
    }

    public int Execute() => _command.ExecuteNonQuery();

    public object? Scalar() => _command.ExecuteScalar();

    public DbDataReader Reader() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}

using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Actionlytics.Data.Store;

/// <summary>A <see cref="BulkStatement"/> over any ADO.NET provider (PostgreSQL through Npgsql's prepared statements).</summary>
internal sealed class AdoBulkStatement : BulkStatement
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly StoreDialect _dialect;

    public AdoBulkStatement(DbConnection connection, DbTransaction transaction, StoreDialect dialect, string sql, (string Name, BulkValue Kind)[] parameters)
    {
        _dialect = dialect;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _command.CommandTimeout = 0; // bulk writes of millions of rows are long by design; cancellation stops them
        _parameters = new DbParameter[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = parameters[i].Name;
            parameter.DbType = parameters[i].Kind switch
            {
                BulkValue.Int32 => DbType.Int32,
                BulkValue.Int64 => DbType.Int64,
                BulkValue.Real => DbType.Double,
                BulkValue.Text => DbType.String,
                BulkValue.Instant => dialect.InstantType,
                BulkValue.Day => dialect.DayType,
                _ => throw new ArgumentOutOfRangeException(nameof(parameters)),
            };
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
        _command.Prepare();
    }

    public override BulkStatement Int(int index, long value) => Set(index, _parameters[index].DbType == DbType.Int32 ? checked((int)value) : value);

    public override BulkStatement Real(int index, double value) => Set(index, value);

    public override BulkStatement Text(int index, string? value) => Set(index, value);

    public override BulkStatement Instant(int index, DateTimeOffset? value) => Set(index, value is { } instant ? _dialect.Instant(instant) : null);

    public override BulkStatement Day(int index, DateOnly value) => Set(index, _dialect.Day(value));

    public override int Execute() => _command.ExecuteNonQuery();

    public override long ExecuteInt64() => Convert.ToInt64(_command.ExecuteScalar(), CultureInfo.InvariantCulture);

    protected override void Dispose(bool disposing) => _command.Dispose();

    private AdoBulkStatement Set(int index, object? value)
    {
        _parameters[index].Value = value ?? DBNull.Value;
        return this;
    }
}

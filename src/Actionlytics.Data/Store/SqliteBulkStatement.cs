using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Actionlytics.Data.Store;

/// <summary>
/// A <see cref="BulkStatement"/> straight on SQLite's C API, on the connection (and so inside the transaction)
/// of a <see cref="SqliteConnection"/>. Microsoft.Data.Sqlite looks every parameter up by name on every execution;
/// at millions of rows that bookkeeping costs as much as SQLite's own work.
/// </summary>
internal sealed class SqliteBulkStatement : BulkStatement
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _positions;
    private byte[] _utf8 = new byte[256];

    public SqliteBulkStatement(SqliteConnection connection, string sql, (string Name, BulkValue Kind)[] parameters)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        _positions = new int[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            _positions[i] = raw.sqlite3_bind_parameter_index(_statement, parameters[i].Name);
            if (_positions[i] == 0)
            {
                throw new ArgumentException($"The statement has no parameter {parameters[i].Name}.", nameof(parameters));
            }
        }
    }

    public override BulkStatement Int(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, _positions[index], value));
        return this;
    }

    public override BulkStatement Real(int index, double value)
    {
        Check(raw.sqlite3_bind_double(_statement, _positions[index], value));
        return this;
    }

    public override BulkStatement Text(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, _positions[index]));
            return this;
        }
        // Encode into a reused buffer: SQLite copies the bytes (SQLITE_TRANSIENT), so nothing is allocated per value.
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < needed)
        {
            _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        }
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, _positions[index], _utf8.AsSpan(0, length)));
        return this;
    }

    public override BulkStatement Instant(int index, DateTimeOffset? value)
    {
        Check(value is { } instant
            ? raw.sqlite3_bind_int64(_statement, _positions[index], StoreConverters.ToUnixMilliseconds(instant))
            : raw.sqlite3_bind_null(_statement, _positions[index]));
        return this;
    }

    public override BulkStatement Day(int index, DateOnly value) => Int(index, StoreConverters.ToEpochDay(value));

    public override int Execute()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            Check(result);
        }
        return raw.sqlite3_changes(_database);
    }

    public override long ExecuteInt64()
    {
        var result = raw.sqlite3_step(_statement);
        try
        {
            if (result != raw.SQLITE_ROW)
            {
                Check(result);
                throw new InvalidOperationException("The statement returned no row.");
            }
            return raw.sqlite3_column_int64(_statement, 0);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    protected override void Dispose(bool disposing) => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), result);
        }
    }
}

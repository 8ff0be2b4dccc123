using System.Data;
using System.Data.Common;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Store;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Actionlytics.Data.Analytics;

/// <summary>Builds a community's <see cref="ActivityIndex"/> from the stored members and member-days, in one read transaction.</summary>
public static class ActivityIndexLoader
{
    public static async Task<(ActivityIndex Index, long Version)> LoadAsync(StoreDatabase database, Community community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(community);
        var dialect = database.Dialect;
        var calendar = new CommunityCalendar(community.TimeZone);
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot: the version read is the version of the rows read.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        var version = Convert.ToInt64(
            await ScalarAsync(connection, transaction, "SELECT data_version FROM communities WHERE id = @community", community.Id, cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
        var index = new ActivityIndex(community.TimeZone);

        await using (var members = Command(connection, transaction,
            "SELECT id, external_id, joined_at FROM members WHERE community_id = @community ORDER BY id", community.Id))
        await using (var reader = await members.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                DateOnly? joined = reader.IsDBNull(2) ? null : calendar.DayOf(dialect.ReadInstant(reader, 2));
                index.AddMember(reader.GetInt64(0), reader.GetString(1), joined);
            }
        }

        if (connection is SqliteConnection sqlite)
        {
            ReadMemberDays(sqlite, community.Id, index, cancellationToken);
        }
        else
        {
            await using var days = Command(connection, transaction, MemberDaysSql, community.Id);
            await using var reader = await days.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                index.AddDay(reader.GetInt64(0), dialect.ReadDay(reader, 1), (ActionSet)reader.GetInt32(2));
            }
        }

        await using (var totals = Command(connection, transaction, DailyTotalsSql, community.Id))
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            var values = new long[DailyTotals.Slots];
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.GetInt64(i + 1);
                }
                index.AddTotals(dialect.ReadDay(reader, 0), values);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (index, version);
    }

    // In key order: each member's days arrive ascending, so the index appends and never inserts. The day's action set is
    // computed by the database: one column read instead of seven.
    private const string MemberDaysSql = """
        SELECT member_id, day,
               CASE WHEN logins > 0 THEN 1 ELSE 0 END | CASE WHEN downloads > 0 THEN 2 ELSE 0 END
             | CASE WHEN quiz_answers > 0 THEN 4 ELSE 0 END | CASE WHEN badges_earned > 0 THEN 8 ELSE 0 END
             | CASE WHEN video_views > 0 THEN 16 ELSE 0 END | CASE WHEN contributions > 0 THEN 32 ELSE 0 END
             | CASE WHEN other_actions > 0 THEN 64 ELSE 0 END
        FROM member_days WHERE community_id = @community ORDER BY day, member_id
        """;

    private const string DailyTotalsSql = """
        SELECT day, events, logins, downloads, quiz_answers, badges_earned, video_views, contributions, other_actions
        FROM community_days WHERE community_id = @community
        """;

    /// <summary>
    /// The member-days of a SQLite store read straight through SQLite's C API: at tens of millions of rows the ADO.NET
    /// reader's per-value bookkeeping costs more than SQLite's own scan.
    /// </summary>
    private static void ReadMemberDays(SqliteConnection connection, int communityId, ActivityIndex index, CancellationToken cancellationToken)
    {
        var database = connection.Handle!;
        Check(database, raw.sqlite3_prepare_v2(database, MemberDaysSql, out var statement));
        using (statement)
        {
            Check(database, raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@community"), communityId));
            long rows = 0;
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (++rows % 1_000_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                index.AddDay(
                    raw.sqlite3_column_int64(statement, 0),
                    EpochDay.ToDate(raw.sqlite3_column_int(statement, 1)),
                    (ActionSet)raw.sqlite3_column_int(statement, 2));
            }
            if (result != raw.SQLITE_DONE)
            {
                Check(database, result);
            }
        }
    }

    private static void Check(sqlite3 database, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int communityId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@community";
        parameter.Value = communityId;
        command.Parameters.Add(parameter);
        return command;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, int communityId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, communityId);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

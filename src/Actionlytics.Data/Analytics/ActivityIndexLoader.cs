using System.Data;
using System.Data.Common;
using Actionlytics.Core.Activity;
using Actionlytics.Core.Analytics;
using Actionlytics.Core.Communities;
using Actionlytics.Data.Store;

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

        await using (var days = Command(connection, transaction,
            """
            SELECT member_id, day, events, logins, downloads, quiz_answers, badges_earned, video_views, contributions, other_actions
            FROM member_days WHERE community_id = @community ORDER BY day, member_id
            """, community.Id))
        await using (var reader = await days.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                index.AddDay(reader.GetInt64(0), dialect.ReadDay(reader, 1), ActionCounts.FromTotals(
                    reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                    reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (index, version);
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

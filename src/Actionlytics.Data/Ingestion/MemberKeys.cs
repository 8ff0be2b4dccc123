using Actionlytics.Data.Store;

namespace Actionlytics.Data.Ingestion;

/// <summary>The store ids of a community's members by their external ids, loaded once per import.</summary>
internal static class MemberKeys
{
    public static async Task<Dictionary<string, long>> LoadAsync(BulkSession session, int communityId, CancellationToken cancellationToken)
    {
        await using var query = session.Connection.CreateCommand();
        query.Transaction = session.Transaction;
        query.CommandText = "SELECT external_id, id FROM members WHERE community_id = @community";
        var parameter = query.CreateParameter();
        parameter.ParameterName = "@community";
        parameter.Value = communityId;
        query.Parameters.Add(parameter);

        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys[reader.GetString(0)] = reader.GetInt64(1);
        }
        return keys;
    }
}

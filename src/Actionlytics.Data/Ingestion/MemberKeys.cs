using System.Data;
using System.Data.Common;

namespace Actionlytics.Data.Ingestion;

/// <summary>The store ids of a community's members by their external ids, loaded once per import.</summary>
internal static class MemberKeys
{
    public static Dictionary<string, long> Load(DbConnection connection, DbTransaction transaction, int communityId)
    {
        using var query = new StoreCommand(connection, transaction,
            "SELECT external_id, id FROM members WHERE community_id = @community", ("@community", DbType.Int32));
        query.Set(0, communityId);
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = query.Reader();
        while (reader.Read())
        {
            keys[reader.GetString(0)] = reader.GetInt64(1);
        }
        return keys;
    }
}

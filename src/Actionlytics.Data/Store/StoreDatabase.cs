using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Actionlytics.Data.Store;

/// <summary>Opens ADO.NET connections to the configured store, for the paths where EF Core would be too slow.</summary>
public sealed class StoreDatabase(IOptions<StoreOptions> options)
{
    private readonly string _connectionString = options.Value.ResolveConnectionString();

    public StoreDialect Dialect { get; } = StoreDialect.For(options.Value.Provider);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actionlytics.Data.Store;

/// <summary>Brings the store to the current schema: creates the data folder, applies migrations, sets SQLite to WAL.</summary>
public sealed class StoreInitializer(ActionlyticsDbContext db, IOptions<StoreOptions> options, ILogger<StoreInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var store = options.Value;
        if (store.Provider == StoreProvider.Sqlite)
        {
            var path = store.ResolveSqlitePath();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            logger.LogInformation("Store: SQLite file {Path}", path);
        }
        else
        {
            logger.LogInformation("Store: PostgreSQL");
        }

        await db.Database.MigrateAsync(cancellationToken);

        if (store.Provider == StoreProvider.Sqlite)
        {
            // WAL lets the chat read while an import writes; it is a property of the file, so set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }
}

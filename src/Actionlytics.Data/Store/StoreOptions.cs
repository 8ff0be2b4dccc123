using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace Actionlytics.Data.Store;

/// <summary>Where the store lives. Bound from the <c>Store</c> configuration section (environment: <c>Store__Provider</c>...).</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string SectionName = "Store";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// Folder of the SQLite file (and other local data); relative paths are relative to the working directory.
    /// By default the user's application data folder (<c>~/.local/share/actionlytics</c> on Linux), so the server and
    /// the CLI share one store wherever they are started from.
    /// </summary>
    public string? DataFolder { get; set; }

    /// <summary>Full path of the SQLite file; defaults to <c>actionlytics.db</c> in <see cref="DataFolder"/>.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>The PostgreSQL connection string (required for <c>Postgres</c>), for example <c>Host=localhost;Database=actionlytics;Username=...</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seconds a command may wait for the database (imports of millions of rows take longer, and use no timeout).</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 60;

    public string ResolveDataFolder() => Path.GetFullPath(
        string.IsNullOrWhiteSpace(DataFolder)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "actionlytics")
            : DataFolder);

    public string ResolveSqlitePath() =>
        Path.GetFullPath(SqlitePath ?? Path.Combine(ResolveDataFolder(), "actionlytics.db"));

    /// <summary>The connection string the chosen provider uses.</summary>
    public string ResolveConnectionString() => Provider switch
    {
        StoreProvider.Sqlite => new SqliteConnectionStringBuilder
        {
            DataSource = ResolveSqlitePath(),
            Pooling = true,
            DefaultTimeout = CommandTimeoutSeconds,
        }.ToString(),
        StoreProvider.Postgres => ConnectionString ?? throw new InvalidOperationException("Store:ConnectionString is required for PostgreSQL."),
        _ => throw new InvalidOperationException($"Unknown store provider {Provider}."),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Store:ConnectionString is required when Store:Provider is Postgres.", [nameof(ConnectionString)]);
        }
    }
}

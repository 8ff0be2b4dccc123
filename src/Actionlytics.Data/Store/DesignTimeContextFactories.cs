using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Actionlytics.Data.Store;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteActionlyticsDbContext>
{
    public SqliteActionlyticsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteActionlyticsDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresActionlyticsDbContext>
{
    public PostgresActionlyticsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresActionlyticsDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

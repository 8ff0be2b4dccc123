using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Store;

/// <summary>The store on PostgreSQL: native <c>timestamptz</c> and <c>date</c> columns.</summary>
public sealed class PostgresActionlyticsDbContext(DbContextOptions<PostgresActionlyticsDbContext> options) : ActionlyticsDbContext(options);

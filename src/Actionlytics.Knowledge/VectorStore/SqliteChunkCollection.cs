using System.Linq.Expressions;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace Actionlytics.Knowledge.VectorStore;

/// <summary>
/// The embedded vector store: playbook chunks persisted in a SQLite file, searched exactly (cosine similarity over every
/// vector, held in memory once read): at the sizes playbooks have (thousands of chunks) exact beats approximate.
/// </summary>
public sealed class SqliteChunkCollection : VectorStoreCollection<string, ChunkRecord>
{
    private readonly string _connectionString;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly object _cacheLock = new();
    private (List<ChunkRecord> Records, float[] Norms, SparseVectors? Sparse)? _cache;

    public SqliteChunkCollection(string path, string name, IEmbeddingGenerator<string, Embedding<float>>? generator = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9_]{0,62}$"))
        {
            throw new ArgumentException("A collection name is lowercase letters, digits and '_'.", nameof(name));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        Name = name;
        _generator = generator;
    }

    public override string Name { get; }

    public override async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", Name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public override async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync($"CREATE TABLE IF NOT EXISTS {Name} (key TEXT PRIMARY KEY, record TEXT NOT NULL, embedding BLOB NOT NULL)", cancellationToken);
    }

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync($"DROP TABLE IF EXISTS {Name}", cancellationToken);
        Invalidate();
    }

    public override async Task<ChunkRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(r => r.Key == key);

    public override async IAsyncEnumerable<ChunkRecord> GetAsync(
        Expression<Func<ChunkRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<ChunkRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var keep = filter.Compile();
        foreach (var record in (await AllAsync(cancellationToken)).Where(keep).Skip(options?.Skip ?? 0).Take(top))
        {
            yield return record;
        }
    }

    public override async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Name} WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Invalidate();
    }

    public override Task UpsertAsync(ChunkRecord record, CancellationToken cancellationToken = default) => UpsertAsync([record], cancellationToken);

    /// <summary>Writes the records in one transaction: a batch lands whole or not at all.</summary>
    public override async Task UpsertAsync(IEnumerable<ChunkRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Name} (key, record, embedding) VALUES ($key, $record, $embedding) ON CONFLICT (key) DO UPDATE SET record = excluded.record, embedding = excluded.embedding";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var json = command.Parameters.Add("$record", SqliteType.Text);
        var embedding = command.Parameters.Add("$embedding", SqliteType.Blob);
        foreach (var record in records)
        {
            key.Value = record.Key;
            json.Value = JsonSerializer.Serialize(record); // the vector is stored apart, as raw floats
            embedding.Value = MemoryMarshal.AsBytes(record.Embedding.Span).ToArray();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        Invalidate();
    }

    public override async IAsyncEnumerable<VectorSearchResult<ChunkRecord>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<ChunkRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = searchValue switch
        {
            ReadOnlyMemory<float> vector => vector,
            float[] vector => vector,
            Embedding<float> embedding => embedding.Vector,
            string text when _generator is not null => (await _generator.GenerateAsync(text, cancellationToken: cancellationToken)).Vector,
            _ => throw new NotSupportedException($"Search with a {typeof(TInput).Name}: pass a vector, or configure an embedding generator to search with text."),
        };
        var keep = options?.Filter?.Compile();
        var (records, norms, sparse) = await AllWithNormsAsync(cancellationToken);
        var queryNorm = TensorPrimitives.Norm(query.Span);
        if (records.Count > 0 && records[0].Embedding.Length != query.Length)
        {
            throw new VectorStoreException($"The query vector has {query.Length} dimensions and the stored ones {records[0].Embedding.Length}: re-index with the same embedding model.")
            {
                CollectionName = Name,
            };
        }
        // Sparse vectors (the lexical embedding's): add up products dimension by dimension over the stored non-zeros,
        // instead of reading every stored vector whole. Dense ones: one dot product per record.
        var dots = sparse?.Dots(query.Span, records.Count);
        // Keep only the best (skip + top) while scanning: no result object per stored chunk.
        var wanted = (options?.Skip ?? 0) + top;
        var best = new PriorityQueue<int, double>(wanted + 1);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (keep is not null && !keep(record))
            {
                continue;
            }
            var dot = dots is null ? TensorPrimitives.Dot(query.Span, record.Embedding.Span) : dots[i];
            var similarity = queryNorm == 0 || norms[i] == 0 ? 0 : dot / (queryNorm * norms[i]);
            if (options?.ScoreThreshold is { } threshold && similarity < threshold)
            {
                continue;
            }
            best.Enqueue(i, similarity);
            if (best.Count > wanted)
            {
                best.Dequeue();
            }
        }
        var ranked = new List<(int Index, double Similarity)>(best.Count);
        while (best.TryDequeue(out var index, out var similarity))
        {
            ranked.Add((index, similarity));
        }
        ranked.Reverse();
        foreach (var (index, similarity) in ranked.Skip(options?.Skip ?? 0))
        {
            yield return new VectorSearchResult<ChunkRecord>(records[index], similarity);
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(VectorStoreCollectionMetadata) ? new VectorStoreCollectionMetadata { VectorStoreSystemName = "sqlite", CollectionName = Name }
        : serviceType?.IsInstanceOfType(this) == true ? this
        : null;

    private async Task<List<ChunkRecord>> AllAsync(CancellationToken cancellationToken) => (await AllWithNormsAsync(cancellationToken)).Records;

    /// <summary>Every record, its vector's norm, and the vectors by dimension when sparse; read once, kept until the collection changes.</summary>
    private async Task<(List<ChunkRecord> Records, float[] Norms, SparseVectors? Sparse)> AllWithNormsAsync(CancellationToken cancellationToken)
    {
        lock (_cacheLock)
        {
            if (_cache is not null)
            {
                return _cache.Value;
            }
        }
        if (!await CollectionExistsAsync(cancellationToken))
        {
            throw new VectorStoreException($"The collection '{Name}' does not exist: index the playbooks first (actionlytics playbooks index).") { CollectionName = Name };
        }
        var records = new List<ChunkRecord>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT record, embedding FROM {Name} ORDER BY key";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = JsonSerializer.Deserialize<ChunkRecord>(reader.GetString(0))!;
            record.Embedding = MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(1)).ToArray();
            records.Add(record);
        }
        var norms = records.Select(r => TensorPrimitives.Norm(r.Embedding.Span)).ToArray();
        var sparse = SparseVectors.TryBuild(records);
        lock (_cacheLock)
        {
            _cache = (records, norms, sparse);
        }
        return (records, norms, sparse);
    }

    private void Invalidate()
    {
        lock (_cacheLock)
        {
            _cache = null;
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Stored vectors as lists of (record, value) per dimension, for vectors that are mostly zeros.</summary>
    private sealed class SparseVectors
    {
        private readonly int[][] _records;
        private readonly float[][] _values;

        private SparseVectors(int[][] records, float[][] values) => (_records, _values) = (records, values);

        /// <summary>Builds the lists when at most a quarter of the values are non-zero; null otherwise.</summary>
        public static SparseVectors? TryBuild(List<ChunkRecord> records)
        {
            if (records.Count == 0)
            {
                return null;
            }
            var dimensions = records[0].Embedding.Length;
            var counts = new int[dimensions];
            long nonZero = 0;
            foreach (var record in records)
            {
                var span = record.Embedding.Span;
                for (var d = 0; d < span.Length; d++)
                {
                    if (span[d] != 0)
                    {
                        counts[d]++;
                        nonZero++;
                    }
                }
            }
            if (nonZero > (long)records.Count * dimensions / 4)
            {
                return null;
            }
            var ids = counts.Select(c => new int[c]).ToArray();
            var values = counts.Select(c => new float[c]).ToArray();
            var filled = new int[dimensions];
            for (var i = 0; i < records.Count; i++)
            {
                var span = records[i].Embedding.Span;
                for (var d = 0; d < span.Length; d++)
                {
                    if (span[d] != 0)
                    {
                        ids[d][filled[d]] = i;
                        values[d][filled[d]++] = span[d];
                    }
                }
            }
            return new SparseVectors(ids, values);
        }

        /// <summary>The dot product of the query with every stored vector.</summary>
        public float[] Dots(ReadOnlySpan<float> query, int count)
        {
            var dots = new float[count];
            for (var d = 0; d < query.Length; d++)
            {
                var weight = query[d];
                if (weight == 0)
                {
                    continue;
                }
                var records = _records[d];
                var values = _values[d];
                for (var k = 0; k < records.Length; k++)
                {
                    dots[records[k]] += weight * values[k];
                }
            }
            return dots;
        }
    }
}

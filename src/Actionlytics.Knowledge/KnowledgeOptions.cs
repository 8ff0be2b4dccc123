namespace Actionlytics.Knowledge;

/// <summary>Where the playbooks, their vectors and the embedding model come from. Bound from the <c>Knowledge</c> section.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The playbooks folder; by default <c>prompts/playbooks</c> found from the program's folder.</summary>
    public string? PlaybookFolder { get; set; }

    /// <summary>Query glossary (French and Italian manager words to the playbooks' English); by default <c>prompts/retrieval/glossary.tsv</c>.</summary>
    public string? GlossaryPath { get; set; }

    /// <summary>Folder of the embedded vector store and the fitted lexical model; by default the user's application data folder.</summary>
    public string? DataFolder { get; set; }

    /// <summary><c>Sqlite</c> (embedded, default) or <c>Qdrant</c>.</summary>
    public string VectorStore { get; set; } = "Sqlite";

    public string Collection { get; set; } = "playbooks";

    /// <summary>Qdrant's REST address, e.g. <c>http://localhost:6333</c>.</summary>
    public string? QdrantUrl { get; set; }

    public string? QdrantApiKey { get; set; }

    public EmbeddingOptions Embeddings { get; set; } = new();

    public string ResolveDataFolder() => Path.GetFullPath(string.IsNullOrWhiteSpace(DataFolder)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "actionlytics")
        : DataFolder);

    /// <summary>Which model embeds chunks and queries.</summary>
    public sealed class EmbeddingOptions
    {
        /// <summary>
        /// <c>Lexical</c> (default: hashed words and n-grams, instant), <c>Local</c> (a small sentence transformer shipped
        /// in the build, <see cref="Model"/> <c>minilm</c> or <c>arctic-xs</c>: better ranking, slower queries) or
        /// <c>OpenAICompatible</c> (OpenAI, Azure OpenAI v1, Ollama, vLLM...).
        /// </summary>
        public string Provider { get; set; } = "Lexical";

        /// <summary>The API's base address, e.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c>.</summary>
        public string? Endpoint { get; set; }

        public string? Model { get; set; }

        public string? ApiKey { get; set; }
    }
}

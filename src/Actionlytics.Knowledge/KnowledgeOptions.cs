using System.ComponentModel.DataAnnotations;

namespace Actionlytics.Knowledge;

/// <summary>Where the playbooks, their vectors and the embedding model come from. Bound from the <c>Knowledge</c> section.</summary>
public sealed class KnowledgeOptions : IValidatableObject
{
    public const string SectionName = "Knowledge";

    /// <summary>The playbooks folder; by default <c>prompts/playbooks</c> found from the program's folder.</summary>
    public string? PlaybookFolder { get; set; }

    /// <summary>Query glossary (French and Italian manager words to the playbooks' English); by default <c>prompts/retrieval/glossary.tsv</c>.</summary>
    public string? GlossaryPath { get; set; }

    /// <summary>Folder of the embedded vector store and the fitted lexical model; by default the user's application data folder.</summary>
    public string? DataFolder { get; set; }

    public VectorStoreKind VectorStore { get; set; } = VectorStoreKind.Sqlite;

    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
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
        public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Lexical;

        /// <summary>The API's base address, e.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c>.</summary>
        public string? Endpoint { get; set; }

        public string? Model { get; set; }

        public string? ApiKey { get; set; }
    }

    /// <summary>The local sentence transformers shipped in the build.</summary>
    public static readonly IReadOnlyList<string> LocalModels = ["minilm", "arctic-xs"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (VectorStore == VectorStoreKind.Qdrant && !IsHttpUrl(QdrantUrl))
        {
            yield return new ValidationResult("Knowledge:QdrantUrl must be Qdrant's http(s) address (such as http://localhost:6333) with the Qdrant vector store.");
        }
        switch (Embeddings.Provider)
        {
            case EmbeddingProvider.OpenAICompatible when !IsHttpUrl(Embeddings.Endpoint):
                yield return new ValidationResult("Knowledge:Embeddings:Endpoint must be the API's http(s) address (such as https://api.openai.com/v1) for OpenAICompatible embeddings.");
                break;
            case EmbeddingProvider.OpenAICompatible when string.IsNullOrWhiteSpace(Embeddings.Model):
                yield return new ValidationResult("Knowledge:Embeddings:Model is required for OpenAICompatible embeddings.");
                break;
            case EmbeddingProvider.Local when Embeddings.Model is { } model && !LocalModels.Contains(model.ToLowerInvariant()):
                yield return new ValidationResult($"Knowledge:Embeddings:Model '{model}' is not a local model: use {string.Join(" or ", LocalModels)}.");
                break;
        }
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

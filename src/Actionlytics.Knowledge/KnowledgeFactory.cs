using Actionlytics.Knowledge.Embeddings;
using Actionlytics.Knowledge.Playbooks;
using Actionlytics.Knowledge.Search;
using Actionlytics.Knowledge.VectorStore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace Actionlytics.Knowledge;

/// <summary>Builds the knowledge base the configuration describes: which playbooks, which embeddings, which vector store.</summary>
public static class KnowledgeFactory
{
    /// <summary>Loads every playbook first (a broken one fails here, before anything is written), then wires the rest.</summary>
    public static PlaybookKnowledge Create(KnowledgeOptions options, bool refitLexicalModel = false, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var library = PlaybookLibrary.Load(options.PlaybookFolder ?? PlaybookLibrary.DefaultFolder());
        var analyzer = new TextAnalyzer(TextAnalyzer.LoadGlossary(options.GlossaryPath ?? DefaultGlossary()));
        var folder = Path.Combine(options.ResolveDataFolder(), "knowledge");
        Directory.CreateDirectory(folder);

        var embeddings = Embeddings(options, library, analyzer, folder, refitLexicalModel, http);
        var dimensions = (embeddings.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata)?.DefaultModelDimensions;
        VectorStoreCollection<string, ChunkRecord> collection = options.VectorStore switch
        {
            VectorStoreKind.Sqlite => new SqliteChunkCollection(Path.Combine(folder, "knowledge.db"), options.Collection, embeddings),
            VectorStoreKind.Qdrant => new QdrantChunkCollection(
                http ?? new HttpClient(),
                new Uri(options.QdrantUrl ?? throw new InvalidOperationException("Knowledge:QdrantUrl is required with the Qdrant vector store.")),
                options.QdrantApiKey,
                options.Collection,
                dimensions ?? throw new InvalidOperationException("With Qdrant, the embedding model's dimensions must be known: use the Lexical or Local model, or set the model's dimensions.")),
            _ => throw new InvalidOperationException($"Unknown Knowledge:VectorStore '{options.VectorStore}'."),
        };
        return new PlaybookKnowledge(library, analyzer, collection, embeddings);
    }

    private static IEmbeddingGenerator<string, Embedding<float>> Embeddings(
        KnowledgeOptions options, PlaybookLibrary library, TextAnalyzer analyzer, string folder, bool refit, HttpClient? http)
    {
        var provider = options.Embeddings.Provider;
        if (provider == EmbeddingProvider.OpenAICompatible)
        {
            return new OpenAICompatibleEmbeddingGenerator(
                http ?? new HttpClient(),
                new Uri(options.Embeddings.Endpoint ?? throw new InvalidOperationException("Knowledge:Embeddings:Endpoint is required for OpenAICompatible embeddings.")),
                options.Embeddings.Model ?? throw new InvalidOperationException("Knowledge:Embeddings:Model is required for OpenAICompatible embeddings."),
                options.Embeddings.ApiKey);
        }
        if (provider == EmbeddingProvider.Local)
        {
            return SentenceEncoderEmbeddingGenerator.Create(options.Embeddings.Model ?? KnowledgeOptions.LocalModels[0]);
        }

        // The lexical model is fitted once and kept: refitting changes every vector, so it happens only when asked.
        var path = Path.Combine(folder, "lexical-model.bin");
        LexicalEmbeddingModel model;
        if (!refit && File.Exists(path))
        {
            model = LexicalEmbeddingModel.Load(File.ReadAllBytes(path), analyzer);
        }
        else
        {
            model = LexicalEmbeddingModel.Fit(library.Playbooks.SelectMany(PlaybookChunk.From).Select(c => c.SearchText), analyzer);
            File.WriteAllBytes(path, model.Save());
        }
        return new LexicalEmbeddingGenerator(model);
    }

    private static string DefaultGlossary() =>
        Path.Combine(Path.GetDirectoryName(PlaybookLibrary.DefaultFolder())!, "retrieval", "glossary.tsv");
}

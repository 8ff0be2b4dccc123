namespace Actionlytics.Knowledge;

/// <summary>Which model turns playbook chunks and questions into vectors.</summary>
public enum EmbeddingProvider
{
    /// <summary>Hashed words and character n-grams weighted by IDF fitted on the playbooks: no download, instant. The default.</summary>
    Lexical,

    /// <summary>A small sentence transformer shipped in the build (<c>minilm</c> or <c>arctic-xs</c>): better ranking, slower queries.</summary>
    Local,

    /// <summary>Any <c>POST /embeddings</c> server: OpenAI, Azure OpenAI v1, Ollama, vLLM.</summary>
    OpenAICompatible,
}

using System.Text.Json;
using Actionlytics.Agent.Tools;

namespace Actionlytics.Server.Api;

/// <summary>
/// How <c>/api</c> reads and writes JSON (the server's HTTP JSON options take its casing and null handling): snake_case
/// names, ISO dates, nulls left out, the same shape the tools' results have for the model and in stored threads, so a
/// record reads the same everywhere. (The Bot Framework endpoint, <c>/api/messages</c>, speaks that protocol's own camelCase.)
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options => ToolJson.Options;
}

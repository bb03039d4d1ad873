using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Antimony.Node.Tests.Support;

/// <summary>A minimal JSON-RPC 1.0 client (Bitcoin Core's envelope) over a node's HTTP client.</summary>
internal sealed class RpcClient(HttpClient http)
{
    /// <summary>Calls <paramref name="method"/>; the result, or <see cref="RpcException"/> with Core's code.</summary>
    public async Task<JsonElement> CallAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "1.0",
            ["id"] = "test",
            ["method"] = method,
            ["params"] = new JsonArray([.. parameters.Select(p => p is JsonElement e ? JsonNode.Parse(e.GetRawText()) : JsonNode.Parse(JsonSerializer.Serialize(p)))]),
        };
        var (status, body) = await PostAsync(request.ToJsonString());
        if (body.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"HTTP {(int)status}: not a JSON-RPC reply");
        if (body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            throw new RpcException(error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? "", method);
        return body.GetProperty("result").Clone();
    }

    /// <summary>Posts a raw body; the HTTP status and the parsed reply (Undefined when the body is empty or not JSON).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/", content);
        string text = await response.Content.ReadAsStringAsync();
        try
        {
            using var document = JsonDocument.Parse(text);
            return (response.StatusCode, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return (response.StatusCode, default);
        }
    }
}

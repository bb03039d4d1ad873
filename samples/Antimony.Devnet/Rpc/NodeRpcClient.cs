using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Antimony.Devnet.State;

namespace Antimony.Devnet.Rpc;

/// <summary>
/// Talks to one node's HTTP server: JSON-RPC at <c>POST /</c> with the cookie of its data directory
/// (<c>__cookie__:hex</c>, re-read after a 401 because a restart rewrites it) and <c>GET /status</c>.
/// </summary>
internal sealed class NodeRpcClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly NodeRecord _node;
    private AuthenticationHeaderValue? _auth;
    private long _nextId;

    /// <summary>A client for <paramref name="node"/> over the shared <paramref name="http"/> client.</summary>
    public NodeRpcClient(HttpClient http, NodeRecord node)
    {
        _http = http;
        _node = node;
    }

    /// <summary>The node this client talks to.</summary>
    public NodeRecord Node => _node;

    /// <summary>Calls <paramref name="method"/> and returns its <c>result</c>.</summary>
    /// <exception cref="RpcException">The node answered with an error or could not be reached.</exception>
    public async Task<JsonNode?> CallAsync(string method, JsonArray? parameters = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["jsonrpc"] = "1.0", ["id"] = Interlocked.Increment(ref _nextId), ["method"] = method, ["params"] = parameters ?? [] };
        var response = await PostAsync(request.ToJsonString(), cancellationToken);
        return Unwrap(response, method);
    }

    /// <summary>
    /// Calls <paramref name="method"/> once per parameter list in one HTTP request (a JSON-RPC batch) and returns
    /// each result or error in order; errors are returned, not thrown.
    /// </summary>
    public async Task<IReadOnlyList<(JsonNode? Result, RpcException? Error)>> BatchAsync(string method, IReadOnlyList<JsonArray> parameterLists, CancellationToken cancellationToken = default)
    {
        var batch = new JsonArray();
        long first = Interlocked.Add(ref _nextId, parameterLists.Count) - parameterLists.Count + 1;
        for (int i = 0; i < parameterLists.Count; i++)
            batch.Add(new JsonObject { ["jsonrpc"] = "1.0", ["id"] = first + i, ["method"] = method, ["params"] = parameterLists[i] });
        var response = await PostAsync(batch.ToJsonString(), cancellationToken);
        if (response is not JsonArray answers)
            throw new RpcException(0, $"{_node.Name}: {method} batch answered with {response?.ToJsonString() ?? "nothing"}");
        var results = new (JsonNode?, RpcException?)[parameterLists.Count];
        foreach (var answer in answers)
        {
            long id = answer?["id"]?.GetValue<long>() ?? 0;
            int slot = (int)(id - first);
            if (slot < 0 || slot >= results.Length)
                continue;
            try
            {
                results[slot] = (Unwrap(answer, method), null);
            }
            catch (RpcException e)
            {
                results[slot] = (null, e);
            }
        }
        return results;
    }

    /// <summary>Reads the node's <c>/status</c> document.</summary>
    /// <exception cref="RpcException">Unreachable or not a status document.</exception>
    public async Task<StatusDocument> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(_node.RpcUri, "status"), cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync<StatusDocument>(body, Json, cancellationToken)
                ?? throw new RpcException(0, $"{_node.Name}: empty /status");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(0, $"{_node.Name}: /status failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// The value of an unlabelled sample in the node's Prometheus <c>/metrics</c> text (e.g.
    /// <c>antimony_consensus_blocks_connected_total</c>), or null when the node does not export it.
    /// </summary>
    public async Task<double?> GetMetricAsync(string name, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            text = await _http.GetStringAsync(new Uri(_node.RpcUri, "metrics"), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal)
                && double.TryParse(line.AsSpan(name.Length + 1).Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
                return value;
        }
        return null;
    }

    private async Task<JsonNode?> PostAsync(string body, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _node.RpcUri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = _auth ??= ReadCookie();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new RpcException(0, $"{_node.Name}: RPC unreachable: {e.Message}", e);
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    _auth = null;
                    continue;
                }
                string text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (text.Length == 0)
                    throw new RpcException(0, $"{_node.Name}: HTTP {(int)response.StatusCode} with an empty body");
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    throw new RpcException(0, $"{_node.Name}: HTTP {(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}");
                }
            }
        }
    }

    private JsonNode? Unwrap(JsonNode? response, string method)
    {
        if (response?["error"] is JsonObject error)
        {
            int code = error["code"]?.GetValue<int>() ?? 0;
            throw new RpcException(code, $"{_node.Name}: {method}: {error["message"]?.GetValue<string>()} ({code})");
        }
        return response?["result"];
    }

    private AuthenticationHeaderValue ReadCookie()
    {
        string path = Path.Combine(_node.DataDirectory, ".cookie");
        string cookie;
        try
        {
            cookie = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RpcException(0, $"{_node.Name}: cannot read the RPC cookie {path}: {e.Message}");
        }
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(cookie)));
    }
}

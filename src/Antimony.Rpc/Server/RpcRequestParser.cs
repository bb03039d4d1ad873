using System.Text.Json;

namespace Antimony.Rpc.Server;

/// <summary>Reads one request object as Bitcoin Core's <c>JSONRPCRequest::parse</c> does, failing with its codes and messages.</summary>
internal static class RpcRequestParser
{
    /// <summary>Parses <paramref name="element"/>; on failure returns the error and whatever version and id were read before it.</summary>
    public static bool TryParse(JsonElement element, out RpcCall call, out RpcException? error)
    {
        var version = RpcVersion.Legacy;
        JsonElement? id = null;
        error = null;
        call = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = new RpcException(RpcErrorCode.InvalidRequest, "Invalid Request object");
            return false;
        }
        if (element.TryGetProperty("jsonrpc", out var jsonrpc))
        {
            if (jsonrpc.ValueKind != JsonValueKind.String)
                return Fail(out call, out error, version, id, "jsonrpc field must be a string");
            // Some old documentation sent "1.0"; Core keeps accepting it as the legacy envelope.
            switch (jsonrpc.GetString())
            {
                case "1.0": break;
                case "2.0": version = RpcVersion.V2; break;
                default: return Fail(out call, out error, version, id, "JSON-RPC version not supported");
            }
        }
        if (element.TryGetProperty("id", out var idElement))
            id = idElement;
        if (!element.TryGetProperty("method", out var method) || method.ValueKind == JsonValueKind.Null)
            return Fail(out call, out error, version, id, "Missing method");
        if (method.ValueKind != JsonValueKind.String)
            return Fail(out call, out error, version, id, "Method must be a string");
        JsonElement? parameters = null;
        if (element.TryGetProperty("params", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
                return Fail(out call, out error, version, id, "Params must be an array or object");
            parameters = p;
        }
        call = new RpcCall(version, id, method.GetString()!, parameters);
        return true;
    }

    private static bool Fail(out RpcCall call, out RpcException error, RpcVersion version, JsonElement? id, string message)
    {
        // The method is unknown; the call keeps the version and id so the error reply echoes them.
        call = new RpcCall(version, id, "", null);
        error = new RpcException(RpcErrorCode.InvalidRequest, message);
        return false;
    }
}

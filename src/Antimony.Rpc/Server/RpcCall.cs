using System.Text.Json;

namespace Antimony.Rpc.Server;

/// <summary>One parsed request object: its envelope version, id (absent for a notification), method and raw params.</summary>
internal readonly record struct RpcCall(RpcVersion Version, JsonElement? Id, string Method, JsonElement? Params)
{
    /// <summary>A JSON-RPC 2.0 request without an id: it gets no reply.</summary>
    public bool IsNotification => Version == RpcVersion.V2 && Id is null;
}

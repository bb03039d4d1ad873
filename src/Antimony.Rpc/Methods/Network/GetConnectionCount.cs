using System.Text.Json;

namespace Antimony.Rpc.Methods.Network;

/// <summary><c>getconnectioncount</c>: the number of connected peers (-9 without P2P).</summary>
internal sealed class GetConnectionCount(NodeServices node) : IRpcMethod
{
    public string Name => "getconnectioncount";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        result.WriteNumberValue(node.Network.Peers.Count);
        return ValueTask.CompletedTask;
    }
}

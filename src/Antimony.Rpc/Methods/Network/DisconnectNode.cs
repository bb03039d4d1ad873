using System.Text.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Network;

/// <summary>
/// <c>disconnectnode ( "address" nodeid )</c>: closes the connection to the peer at an address (<c>ip:port</c>) or
/// with an id from <c>getpeerinfo</c>; exactly one of the two (-32602 / -29 as Core).
/// </summary>
internal sealed class DisconnectNode(NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("address"), RpcParameter.Opt("nodeid")];

    public string Name => "disconnectnode";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var network = node.Network;
        string? address = parameters.GetOptionalString(0);
        long? id = parameters.GetOptionalInt64(1);
        if (address is not null == id is not null && !(address is { Length: 0 } && id is not null))
            throw new RpcException(RpcErrorCode.InvalidParams, "Only one of address and nodeid should be provided.");
        if (!string.IsNullOrEmpty(address))
        {
            // The connection's endpoint or, for a peer that dialled us, its advertised listen endpoint.
            if (!System.Net.IPEndPoint.TryParse(address, out var endPoint) || !network.Disconnect(endPoint))
                throw new RpcException(RpcErrorCode.ClientNodeNotConnected, "Node not found in connected nodes");
        }
        else
        {
            var peer = network.Peers.FirstOrDefault(p => p.Id == id)
                ?? throw new RpcException(RpcErrorCode.ClientNodeNotConnected, "Node not found in connected nodes");
            peer.Disconnect();
        }
        result.WriteNullValue();
        return ValueTask.CompletedTask;
    }
}

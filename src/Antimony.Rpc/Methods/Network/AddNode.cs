using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Network;

/// <summary>
/// <c>addnode "node" "command"</c>: <c>add</c> keeps a peer connected (redialled with backoff), <c>remove</c> stops
/// that, <c>onetry</c> dials once (this call waits for the handshake, then returns null whatever the outcome, as Core).
/// </summary>
internal sealed class AddNode(ChainState chain, NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("node"), RpcParameter.Req("command"), RpcParameter.Opt("v2transport")];

    public string Name => "addnode";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public async ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        string command = parameters.GetString(1);
        if (command is not ("add" or "remove" or "onetry"))
            throw new RpcException(RpcErrorCode.MiscError, "addnode \"node\" \"command\": command must be add, remove or onetry");
        if (parameters.GetOptionalBoolean(2) == true)
            throw new RpcException(RpcErrorCode.InvalidParameter, "Error: v2transport requested but not enabled (see -v2transport)");
        var network = node.Network;
        var endPoint = NodeAddress.ParseEndPoint(parameters.GetString(0), chain.Parameters.Network.DefaultPort);
        switch (command)
        {
            case "add":
                if (!network.AddPersistent(endPoint))
                    throw new RpcException(RpcErrorCode.ClientNodeAlreadyAdded, "Error: Node already added");
                break;
            case "remove":
                if (!network.RemovePersistent(endPoint))
                    throw new RpcException(RpcErrorCode.ClientNodeNotAdded, "Error: Node could not be removed. It has not been added previously.");
                break;
            default:
                try
                {
                    await network.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidOperationException)
                {
                    throw new RpcException(RpcErrorCode.ClientP2PDisabled, "Error: Peer-to-peer functionality missing or disabled");
                }
                break;
        }
        result.WriteNullValue();
    }
}

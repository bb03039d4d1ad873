using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Blockchain;

/// <summary><c>getblockhash height</c>: the hash of the active chain's block at a height (-8 out of range).</summary>
internal sealed class GetBlockHash(ChainState chain) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("height")];

    public string Name => "getblockhash";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        int height = parameters.GetInt32(0);
        var entry = height < 0 ? null : chain.GetActiveEntry(height);
        if (entry is null)
            throw new RpcException(RpcErrorCode.InvalidParameter, "Block height out of range");
        result.WriteStringValue(entry.Hash.ToString());
        return ValueTask.CompletedTask;
    }
}

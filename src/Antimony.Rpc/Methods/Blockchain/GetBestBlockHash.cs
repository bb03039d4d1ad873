using System.Text.Json;
using Antimony.Consensus.Chain;

namespace Antimony.Rpc.Methods.Blockchain;

/// <summary><c>getbestblockhash</c>: the hash of the active chain's tip.</summary>
internal sealed class GetBestBlockHash(ChainState chain) : IRpcMethod
{
    public string Name => "getbestblockhash";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        result.WriteStringValue(chain.Tip.Hash.ToString());
        return ValueTask.CompletedTask;
    }
}

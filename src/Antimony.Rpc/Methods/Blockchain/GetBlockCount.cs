using System.Text.Json;
using Antimony.Consensus.Chain;

namespace Antimony.Rpc.Methods.Blockchain;

/// <summary><c>getblockcount</c>: the height of the active chain's tip.</summary>
internal sealed class GetBlockCount(ChainState chain) : IRpcMethod
{
    public string Name => "getblockcount";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        result.WriteNumberValue(chain.Tip.Height);
        return ValueTask.CompletedTask;
    }
}

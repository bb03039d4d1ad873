using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Methods.Blockchain;

/// <summary>
/// <c>getblock "blockhash" ( verbosity )</c>: 0 the serialized block in hex, 1 (default) the block with txids,
/// 2 with every transaction decoded (and its hex). A boolean is read as 1/0, as Core does.
/// </summary>
internal sealed class GetBlock(ChainState chain) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("blockhash"), RpcParameter.Opt("verbosity")];

    public string Name => "getblock";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var entry = ChainLookup.GetEntry(chain, parameters.GetHash(0));
        int verbosity = parameters.GetOptionalVerbosity(1) ?? 1;
        var block = ChainLookup.GetBlock(chain, entry);
        if (verbosity <= 0)
            result.WriteStringValue(Convert.ToHexStringLower(block.ToBytes()));
        else
            result.WriteBlock(chain, entry, block, verbosity, chain.Parameters.Network);
        return ValueTask.CompletedTask;
    }
}

using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Methods.Blockchain;

/// <summary><c>getblockheader "blockhash" ( verbose )</c>: the header as an object, or its 80 bytes in hex when verbose is false.</summary>
internal sealed class GetBlockHeader(ChainState chain) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("blockhash"), RpcParameter.Opt("verbose")];

    public string Name => "getblockheader";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var entry = ChainLookup.GetEntry(chain, parameters.GetHash(0));
        if (!(parameters.GetOptionalBoolean(1) ?? true))
        {
            result.WriteStringValue(Convert.ToHexStringLower(entry.Header.ToBytes()));
            return ValueTask.CompletedTask;
        }
        // nTx is known only when the block is stored.
        int transactions = chain.TryGetBlock(entry.Hash, out var block) ? block.Transactions.Length : 0;
        result.WriteStartObject();
        result.WriteHeaderProperties(chain, entry, transactions);
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}

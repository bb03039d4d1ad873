using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Primitives.Blocks;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mining;

/// <summary>
/// <c>submitblock "hexdata" ( "dummy" )</c>: hands a mined block to the chain. BIP22 results as Core: null when it
/// became the tip, "duplicate" when already stored, "duplicate-invalid" when known invalid, "inconclusive" when
/// stored on a side chain, else the reject reason (e.g. "high-hash", "bad-txnmrklroot").
/// </summary>
internal sealed class SubmitBlock(ChainState chain) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("hexdata"), RpcParameter.Opt("dummy")];

    public string Name => "submitblock";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public async ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        byte[] bytes = parameters.GetHex(0);
        if (!Block.TryParse(bytes, out var block, out _))
            throw new RpcException(RpcErrorCode.DeserializationError, "Block decode failed");
        if (block.Transactions.IsEmpty || !block.Transactions[0].IsCoinbase)
            throw new RpcException(RpcErrorCode.DeserializationError, "Block does not start with a coinbase");
        var processed = await chain.ProcessBlockAsync(block, cancellationToken).ConfigureAwait(false);
        switch (processed.Acceptance)
        {
            case BlockAcceptance.Active:
                result.WriteNullValue();
                break;
            case BlockAcceptance.AlreadyKnown:
                result.WriteStringValue("duplicate");
                break;
            case BlockAcceptance.SideChain:
                result.WriteStringValue("inconclusive");
                break;
            default:
                result.WriteStringValue(processed.Result.Detail == "known invalid" ? "duplicate-invalid" : processed.Code);
                break;
        }
    }
}

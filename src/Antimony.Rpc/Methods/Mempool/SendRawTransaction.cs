using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>
/// <c>sendrawtransaction "hexstring" ( maxfeerate maxburnamount )</c>: submits to the mempool, which relays it to
/// peers, and returns the txid. Errors as Core: -22 undecodable, -25 missing inputs or fee above
/// <c>maxfeerate</c> (default 0.10 ATMN/kvB), -26 rejected, -27 already confirmed.
/// </summary>
internal sealed class SendRawTransaction(ChainState chain, NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("hexstring"), RpcParameter.Opt("maxfeerate"), RpcParameter.Opt("maxburnamount")];
    private static readonly Money DefaultMaxFeeRate = new(10_000_000);

    public string Name => "sendrawtransaction";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var pool = node.Pool;
        var transaction = RawTransactionDecoder.Decode(parameters, 0, "TX decode failed. Make sure the tx has at least one input.");
        var maxFeeRate = new FeeRate((parameters.GetOptionalAmount(1) ?? DefaultMaxFeeRate).Atoms);
        var maxBurn = parameters.GetOptionalAmount(2) ?? Money.Zero;
        foreach (var output in transaction.Outputs)
        {
            if (ScriptPubKey.Classify(output.ScriptPubKey.Span) == OutputType.Data && output.Value > maxBurn)
                throw new RpcException(RpcErrorCode.VerifyError, "Unspendable output exceeds maximum configured by user (maxburnamount)");
        }
        // Re-sending a pooled transaction succeeds, as in Core (it is only re-announced).
        if (pool.TryGetEntry(transaction.Txid, out var pooled) && pooled.Transaction.Wtxid == transaction.Wtxid)
        {
            result.WriteStringValue(transaction.Txid.ToString());
            return ValueTask.CompletedTask;
        }
        if (maxFeeRate > FeeRate.Zero && Fee(transaction, pool) is { } fee && fee > maxFeeRate.GetFee(transaction.VirtualSize))
            throw new RpcException(RpcErrorCode.VerifyError, "Fee exceeds maximum configured by user (e.g. -maxtxfee, maxfeerate)");
        var accepted = pool.Accept(transaction);
        switch (accepted.Status)
        {
            case MempoolAcceptStatus.Accepted:
                result.WriteStringValue(transaction.Txid.ToString());
                return ValueTask.CompletedTask;
            case MempoolAcceptStatus.Orphaned:
                throw new RpcException(RpcErrorCode.VerifyError, MempoolRejectCodes.MissingInputs);
            default:
                if (accepted.Code == MempoolRejectCodes.AlreadyKnown)
                    throw new RpcException(RpcErrorCode.VerifyAlreadyInChain, "Transaction outputs already in utxo set");
                if (accepted.Code == MempoolRejectCodes.MissingInputs || accepted.Code == MempoolRejectCodes.OrphanRefused)
                    throw new RpcException(RpcErrorCode.VerifyError, MempoolRejectCodes.MissingInputs);
                throw new RpcException(RpcErrorCode.VerifyRejected, accepted.Detail is null ? accepted.Code! : $"{accepted.Code}, {accepted.Detail}");
        }
    }

    // The fee when every input is known (chain or pool); otherwise the pool reports the missing inputs.
    private Money? Fee(Primitives.Transactions.Transaction transaction, TransactionPool pool)
    {
        var view = new PoolCoinView(chain, pool);
        long inputs = 0;
        foreach (var input in transaction.Inputs)
        {
            if (!view.TryGetCoin(input.PreviousOutput, out var coin))
                return null;
            inputs += coin.Output.Value.Atoms;
        }
        long outputs = transaction.Outputs.Sum(o => o.Value.Atoms);
        return new Money(inputs - outputs);
    }
}

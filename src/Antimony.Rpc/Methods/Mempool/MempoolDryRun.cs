using Antimony.Consensus.Chain;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Rules.Blocks;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>
/// What <c>testmempoolaccept</c> reports without changing the pool: the consensus checks, finality, duplicates,
/// conflicts, inputs, the relay fee floors and the signatures, in the pool's own order and with its reject codes.
/// </summary>
/// <remarks>
/// The pool has no dry-run entry point, so this re-runs its public checks. Not evaluated: standardness policy
/// (internal to the pool), replacement of conflicting transactions (reported as <c>txn-mempool-conflict</c>), and
/// ancestor/descendant limits.
/// </remarks>
internal sealed class MempoolDryRun(ChainState chain, ConsensusRuleSet rules, TransactionPool pool)
{
    public DryRunResult Evaluate(Transaction transaction)
    {
        if (transaction.IsCoinbase)
            return DryRunResult.Reject(MempoolRejectCodes.Coinbase);
        var consensus = rules.CheckTransaction(transaction);
        if (!consensus.IsValid)
            return DryRunResult.Reject(consensus.Code!);
        var tip = chain.Tip;
        if (!TransactionFinalityRule.IsFinal(transaction, tip.Height + 1, tip.MedianTimePast))
            return DryRunResult.Reject(MempoolRejectCodes.NonFinal);
        if (pool.TryGetEntry(transaction.Txid, out var existing))
        {
            return DryRunResult.Reject(existing.Transaction.Wtxid == transaction.Wtxid
                ? MempoolRejectCodes.AlreadyInMempool : MempoolRejectCodes.SameNonWitnessDataInMempool);
        }
        foreach (var input in transaction.Inputs)
        {
            if (pool.TryGetSpender(input.PreviousOutput, out _))
                return DryRunResult.Reject(MempoolRejectCodes.MempoolConflict);
        }
        var view = new PoolCoinView(chain, pool);
        foreach (var input in transaction.Inputs)
        {
            if (view.TryGetCoin(input.PreviousOutput, out _))
                continue;
            for (int i = 0; i < transaction.Outputs.Length; i++)
            {
                if (chain.Coins.TryGetCoin(new OutPoint(transaction.Txid, (uint)i), out _))
                    return DryRunResult.Reject(MempoolRejectCodes.AlreadyKnown);
            }
            return DryRunResult.Reject("missing-inputs");
        }
        var inputs = rules.CheckInputs(transaction, view, view.SpendHeight, out var spent, out var fee);
        if (!inputs.IsValid)
            return DryRunResult.Reject(inputs.Code!);
        int size = transaction.VirtualSize;
        if (!pool.Options.MinRelayFeeRate.IsMetBy(fee, size))
            return DryRunResult.Reject(MempoolRejectCodes.MinRelayFeeNotMet, fee);
        var floor = pool.MinimumFeeRate;
        if (floor > FeeRate.Zero && !floor.IsMetBy(fee, size))
            return DryRunResult.Reject(MempoolRejectCodes.MempoolMinFeeNotMet, fee);
        var signatures = rules.VerifySpends(transaction, spent);
        if (!signatures.IsValid)
            return DryRunResult.Reject(signatures.Code!);
        return new DryRunResult(true, null, fee);
    }
}

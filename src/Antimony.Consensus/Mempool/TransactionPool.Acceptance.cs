using Antimony.Consensus.Events;
using Antimony.Consensus.Rules.Blocks;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

// Acceptance of one transaction: consensus checks, policy, replacement, limits, then the commit.
public sealed partial class TransactionPool
{
    private MempoolAcceptResult AcceptOne(Transaction transaction, DateTimeOffset now, DateTimeOffset received)
    {
        var result = Evaluate(transaction, now, received);
        if (result.IsAccepted)
        {
            _metrics.Accepted();
        }
        else
        {
            _metrics.Rejected(result.Code!);
            if (result.Status == MempoolAcceptStatus.Orphaned)
                Log.Orphaned(_logger, result.Txid.ToString(), _orphans.Count);
            else
                Log.Rejected(_logger, result.Txid.ToString(), result.Code!, result.Detail);
        }
        return result;
    }

    private MempoolAcceptResult Evaluate(Transaction transaction, DateTimeOffset now, DateTimeOffset received)
    {
        var txid = transaction.Txid;
        if (transaction.IsCoinbase)
            return MempoolAcceptResult.Invalid(txid, MempoolRejectCodes.Coinbase, "a coinbase is only valid in a block");
        var consensus = _rules.CheckTransaction(transaction);
        if (!consensus.IsValid)
            return MempoolAcceptResult.Invalid(txid, consensus.Code!, consensus.Detail);
        var tip = _chain.Tip;
        // Final in the next block (BIP113: against the tip's median time past); may become so later, so policy.
        if (!TransactionFinalityRule.IsFinal(transaction, tip.Height + 1, tip.MedianTimePast))
            return MempoolAcceptResult.Rejected(txid, MempoolRejectCodes.NonFinal, $"lock time {transaction.LockTime}");
        var policy = _standardness.Check(transaction, out var policyDetail);
        if (policy is not null)
            return MempoolAcceptResult.Rejected(txid, policy, policyDetail);
        if (_graph.TryGet(txid, out var existing))
        {
            return existing.Transaction.Wtxid == transaction.Wtxid
                ? MempoolAcceptResult.Rejected(txid, MempoolRejectCodes.AlreadyInMempool, null)
                : MempoolAcceptResult.Rejected(txid, MempoolRejectCodes.SameNonWitnessDataInMempool, null);
        }

        HashSet<MempoolEntry>? conflicts = null;
        foreach (var input in transaction.Inputs)
        {
            if (_graph.TryGetSpender(input.PreviousOutput, out var spender))
                (conflicts ??= []).Add(spender);
        }

        int tipHeight = tip.Height;
        var view = new MempoolCoinView(_chain.Coins, _graph, _rules.OutputTypes, tipHeight + 1);
        foreach (var input in transaction.Inputs)
        {
            if (!view.TryGetCoin(input.PreviousOutput, out _))
                return MissingInputs(transaction, input.PreviousOutput, now, received);
        }
        var inputs = _rules.CheckInputs(transaction, view, tipHeight + 1, out var spent, out var fee);
        if (!inputs.IsValid)
        {
            // An immature coinbase spend may become valid later: not the sender's fault (Core's TX_PREMATURE_SPEND).
            return inputs.Reason == RejectReasons.PrematureCoinbaseSpend
                ? MempoolAcceptResult.Rejected(txid, inputs.Code!, inputs.Detail)
                : MempoolAcceptResult.Invalid(txid, inputs.Code!, inputs.Detail);
        }

        int size = transaction.VirtualSize;
        if (!_options.MinRelayFeeRate.IsMetBy(fee, size))
            return MempoolAcceptResult.Rejected(txid, MempoolRejectCodes.MinRelayFeeNotMet, $"{fee} < {_options.MinRelayFeeRate.GetFee(size)}", fee);
        var rolling = RollingMinimumFeeRate(now);
        if (rolling > FeeRate.Zero && !rolling.IsMetBy(fee, size))
            return MempoolAcceptResult.Rejected(txid, MempoolRejectCodes.MempoolMinFeeNotMet, $"{fee} < {rolling.GetFee(size)}", fee);

        var parents = _graph.FindParents(transaction);
        var ancestors = MempoolGraph.CollectAncestors(parents);
        if (CheckChainLimits(ancestors, size) is { } limit)
            return MempoolAcceptResult.Rejected(txid, MempoolRejectCodes.TooLongMempoolChain, limit, fee);

        var replaced = new HashSet<MempoolEntry>();
        if (conflicts is not null)
        {
            var refusal = CheckReplacement(transaction, fee, size, conflicts, ancestors, replaced);
            if (refusal is { } r)
                return MempoolAcceptResult.Rejected(txid, r.Code, r.Detail, fee);
        }

        var signatures = _rules.VerifySpends(transaction, spent);
        if (!signatures.IsValid)
            return MempoolAcceptResult.Invalid(txid, signatures.Code!, signatures.Detail);

        return Commit(transaction, fee, now, tipHeight, parents, ancestors, replaced);
    }

    private MempoolAcceptResult Commit(
        Transaction transaction, Money fee, DateTimeOffset now, int tipHeight,
        HashSet<MempoolEntry> parents, HashSet<MempoolEntry> ancestors, HashSet<MempoolEntry> replaced)
    {
        if (replaced.Count > 0)
            _graph.Remove(replaced);
        var entry = new MempoolEntry(transaction, fee, now, tipHeight, _nextSequence++);
        _graph.Add(entry, parents, ancestors);
        var (evicted, highestEvictedRate) = TrimToSize();
        if (evicted.Contains(entry))
        {
            // Making room would evict the newcomer (or a package it joined): put everything back as it was.
            evicted.Remove(entry);
            evicted.UnionWith(replaced);
            Restore(evicted);
            return MempoolAcceptResult.Rejected(entry.Txid, MempoolRejectCodes.MempoolFull, null, fee);
        }
        Removed(replaced, TransactionRemovalReason.Replaced);
        Added(entry);
        if (evicted.Count > 0)
            RecordEviction(evicted, highestEvictedRate, now);
        if (!_dryRun)
            Log.Accepted(_logger, entry.Txid.ToString(), fee.ToString(), entry.VirtualSize, replaced.Count);
        return MempoolAcceptResult.Accepted(entry.Txid, fee, [.. replaced.OrderBy(e => e.Sequence).Select(e => e.Txid)]);
    }

    /// <summary>Why adding a transaction of <paramref name="size"/> below <paramref name="ancestors"/> breaks a chain limit, or null.</summary>
    private string? CheckChainLimits(HashSet<MempoolEntry> ancestors, long size)
    {
        if (ancestors.Count + 1 > _options.MaxAncestorCount)
            return $"{ancestors.Count + 1} ancestors (limit {_options.MaxAncestorCount})";
        long ancestorSize = size + ancestors.Sum(a => (long)a.VirtualSize);
        if (ancestorSize > _options.MaxAncestorVirtualSize)
            return $"ancestors {ancestorSize} vB (limit {_options.MaxAncestorVirtualSize})";
        foreach (var ancestor in ancestors)
        {
            if (ancestor.DescendantCount + 1 > _options.MaxDescendantCount)
                return $"{ancestor.Txid} would have {ancestor.DescendantCount + 1} descendants (limit {_options.MaxDescendantCount})";
            if (ancestor.DescendantSize + size > _options.MaxDescendantVirtualSize)
                return $"{ancestor.Txid} descendants would be {ancestor.DescendantSize + size} vB (limit {_options.MaxDescendantVirtualSize})";
        }
        return null;
    }

    /// <summary>The full-RBF rules (see the class remarks); fills <paramref name="replaced"/> with what would go.</summary>
    private (string Code, string Detail)? CheckReplacement(
        Transaction transaction, Money fee, int size, HashSet<MempoolEntry> conflicts, HashSet<MempoolEntry> ancestors, HashSet<MempoolEntry> replaced)
    {
        foreach (var conflict in conflicts)
            MempoolGraph.CollectDescendants(conflict, replaced);
        if (replaced.Count > _options.MaxReplacementEvictions)
            return (MempoolRejectCodes.TooManyReplacements, $"{replaced.Count} > {_options.MaxReplacementEvictions}");
        if (ancestors.Overlaps(replaced))
            return (MempoolRejectCodes.SpendsConflictingTransaction, "spends an output of a transaction it replaces");

        // BIP125 rule 2 (kept by Core with full-RBF): no new unconfirmed inputs, so a replacement cannot pull
        // in low-fee ancestors that make it worse to mine than what it evicts.
        var spentByConflicts = conflicts.SelectMany(c => c.Transaction.Inputs).Select(i => i.PreviousOutput.Txid).ToHashSet();
        foreach (var input in transaction.Inputs)
        {
            var parent = input.PreviousOutput.Txid;
            if (_graph.Contains(parent) && !spentByConflicts.Contains(parent))
                return (MempoolRejectCodes.ReplacementAddsUnconfirmed, $"input {input.PreviousOutput}");
        }

        foreach (var conflict in conflicts)
        {
            if (FeeRate.Compare(fee, size, new Money(conflict.Fee), conflict.VirtualSize) <= 0)
                return (MempoolRejectCodes.InsufficientFee, $"fee rate not above {conflict.Txid}'s");
        }
        var replacedFees = MempoolGraph.SumFees(replaced);
        if (fee < replacedFees)
            return (MempoolRejectCodes.InsufficientFee, $"fee {fee} < {replacedFees} replaced");
        var increment = _options.IncrementalRelayFeeRate.GetFee(size);
        if (fee - replacedFees < increment)
            return (MempoolRejectCodes.InsufficientFee, $"additional fee {fee - replacedFees} < {increment} for its own relay");
        return null;
    }

    private MempoolAcceptResult MissingInputs(Transaction transaction, OutPoint missing, DateTimeOffset now, DateTimeOffset received)
    {
        var txid = transaction.Txid;
        // Outputs already in the UTXO set mean the transaction is confirmed, not waiting for parents.
        for (int i = 0; i < transaction.Outputs.Length; i++)
        {
            if (_chain.Coins.TryGetCoin(new OutPoint(txid, (uint)i), out _))
                return MempoolAcceptResult.Rejected(txid, MempoolRejectCodes.AlreadyKnown, null);
        }
        if (_dryRun ? _orphans.CouldHold(transaction) : _orphans.TryAdd(transaction, received, now))
            return MempoolAcceptResult.Orphaned(txid, $"missing {missing}");
        return MempoolAcceptResult.Rejected(txid, MempoolRejectCodes.OrphanRefused, $"missing {missing}");
    }

    /// <summary>Retries the orphans waiting for <paramref name="parents"/>, and for each one that gets in, its own orphans.</summary>
    private void RetryOrphansOf(IEnumerable<Txid> parents, DateTimeOffset now)
    {
        var work = new Queue<Txid>(parents);
        while (work.TryDequeue(out var parent))
        {
            foreach (var (orphan, received) in _orphans.TakeChildrenOf(parent))
            {
                if (AcceptOne(orphan, now, received).IsAccepted)
                    work.Enqueue(orphan.Txid);
            }
        }
    }

    /// <summary>
    /// Puts removed entries back exactly: parents first, so every link and total is rebuilt. Arrival order is
    /// parents first except after a reorganization (a confirmed parent returns after its pooled child), so an
    /// entry waits until none of the entries still to restore is its parent.
    /// </summary>
    private void Restore(HashSet<MempoolEntry> entries)
    {
        var pending = entries.OrderBy(e => e.Sequence).ToList();
        var waiting = pending.Select(e => e.Txid).ToHashSet();
        while (pending.Count > 0)
        {
            int before = pending.Count;
            for (int i = 0; i < pending.Count; i++)
            {
                var entry = pending[i];
                if (entry.Transaction.Inputs.Any(input => waiting.Contains(input.PreviousOutput.Txid) && input.PreviousOutput.Txid != entry.Txid))
                    continue;
                var parents = _graph.FindParents(entry.Transaction);
                _graph.Add(entry, parents, MempoolGraph.CollectAncestors(parents));
                waiting.Remove(entry.Txid);
                pending.RemoveAt(i--);
            }
            if (pending.Count == before)
                throw new InvalidOperationException("mempool entries to restore form a cycle");
        }
    }
}

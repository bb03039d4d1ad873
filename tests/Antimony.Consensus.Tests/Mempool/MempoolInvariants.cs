using Antimony.Consensus.Coins;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>
/// What must hold of a pool at any time, checked independently of its own bookkeeping: every entry valid on
/// the tip with its signatures (applied in the pool's order, so the order is valid and no two entries spend
/// one coin), none already confirmed, ancestor and descendant totals equal to a recomputation, the size within
/// the cap, and the mining selection a valid order of the whole pool.
/// </summary>
internal static class MempoolInvariants
{
    /// <summary>The first broken invariant, or <see langword="null"/>.</summary>
    public static string? Check(MempoolHarness h)
    {
        var entries = h.Pool.GetEntries();
        var rules = h.Node.Rules;
        int spendHeight = h.Chain.Tip.Height + 1;
        var cache = new CoinCache(h.Chain.Coins);
        var byTxid = entries.ToDictionary(e => e.Txid);
        foreach (var entry in entries)
        {
            var tx = entry.Transaction;
            for (int i = 0; i < tx.Outputs.Length; i++)
            {
                if (h.Chain.Coins.TryGetCoin(new OutPoint(tx.Txid, (uint)i), out _))
                    return $"{tx.Txid} is confirmed";
            }
            if (!global::Antimony.Consensus.Rules.Blocks.TransactionFinalityRule.IsFinal(tx, spendHeight, h.Chain.Tip.MedianTimePast))
                return $"{tx.Txid} is not final";
            var inputs = rules.CheckInputs(tx, cache, spendHeight, out var spent, out var fee);
            if (!inputs.IsValid)
                return $"{tx.Txid} invalid on the tip in pool order: {inputs}";
            if (fee != entry.Fee)
                return $"{tx.Txid} fee {entry.Fee} but spends for {fee}";
            var signatures = rules.VerifySpends(tx, spent);
            if (!signatures.IsValid)
                return $"{tx.Txid} signatures: {signatures}";
            foreach (var input in tx.Inputs)
                cache.Spend(input.PreviousOutput, out _);
            for (int i = 0; i < tx.Outputs.Length; i++)
            {
                if (rules.OutputTypes.TryClassify(tx.Outputs[i].ScriptPubKey.Span, out var type) && type.IsSpendable)
                    cache.Add(new OutPoint(tx.Txid, (uint)i), new Coin(tx.Outputs[i], spendHeight, false));
            }

            var ancestors = Closure(entry, e => e.Transaction.Inputs.Select(i => i.PreviousOutput.Txid).Where(byTxid.ContainsKey).Select(t => byTxid[t]));
            if (entry.AncestorCount != ancestors.Count || entry.AncestorSize != ancestors.Sum(a => (long)a.VirtualSize) || entry.AncestorFees.Atoms != ancestors.Sum(a => a.Fee.Atoms))
                return $"{tx.Txid} ancestor totals {entry.AncestorCount}/{entry.AncestorSize}/{entry.AncestorFees}, recomputed {ancestors.Count}";
            var descendants = Closure(entry, e => entries.Where(c => c.Transaction.Inputs.Any(i => i.PreviousOutput.Txid == e.Txid)));
            if (entry.DescendantCount != descendants.Count || entry.DescendantSize != descendants.Sum(d => (long)d.VirtualSize) || entry.DescendantFees.Atoms != descendants.Sum(d => d.Fee.Atoms))
                return $"{tx.Txid} descendant totals {entry.DescendantCount}/{entry.DescendantSize}/{entry.DescendantFees}, recomputed {descendants.Count}";
        }
        long bytes = entries.Sum(e => (long)e.Transaction.TotalSize);
        if (bytes != h.Pool.Bytes)
            return $"bytes {h.Pool.Bytes}, recomputed {bytes}";
        if (bytes > h.Pool.Options.MaxSizeBytes)
            return $"bytes {bytes} over the cap {h.Pool.Options.MaxSizeBytes}";

        var selection = h.Pool.SelectPackages(long.MaxValue);
        if (selection.Entries.Length != entries.Count)
            return $"selection has {selection.Entries.Length} of {entries.Count}";
        var mined = new CoinCache(h.Chain.Coins);
        foreach (var tx in selection.Transactions)
        {
            if (!rules.CheckInputs(tx, mined, spendHeight, out _, out _).IsValid)
                return $"selection order invalid at {tx.Txid}";
            foreach (var input in tx.Inputs)
                mined.Spend(input.PreviousOutput, out _);
            for (int i = 0; i < tx.Outputs.Length; i++)
            {
                if (rules.OutputTypes.TryClassify(tx.Outputs[i].ScriptPubKey.Span, out var type) && type.IsSpendable)
                    mined.Add(new OutPoint(tx.Txid, (uint)i), new Coin(tx.Outputs[i], spendHeight, false));
            }
        }
        return null;
    }

    private static HashSet<MempoolEntryInfo> Closure(MempoolEntryInfo start, Func<MempoolEntryInfo, IEnumerable<MempoolEntryInfo>> next)
    {
        var seen = new HashSet<MempoolEntryInfo>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<MempoolEntryInfo>([start]);
        while (stack.TryPop(out var item))
        {
            if (!seen.Add(item))
                continue;
            foreach (var n in next(item))
                stack.Push(n);
        }
        return seen;
    }
}

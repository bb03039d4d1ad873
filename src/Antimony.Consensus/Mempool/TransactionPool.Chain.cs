using Antimony.Consensus.Events;
using Antimony.Consensus.Rules.Blocks;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

// Following the active chain. Handlers run during the chain's event delivery (after its lock is released,
// one at a time, in chain order); they only queue their own notifications, which the same delivery raises.
// The chain may already be further along than the event when it is handled; every check here reads the
// current tip, so a later event finishes the job.
public sealed partial class TransactionPool
{
    private void OnBlockConnected(object? sender, BlockConnectedEventArgs args)
    {
        lock (_lock)
        {
            // A block disconnected and connected again in one activation brings nothing back.
            _disconnected.RemoveAll(b => b.Hash == args.Block.Hash);
            var now = _time.GetUtcNow();
            RemoveForBlock(args.Block, args.Entry.Height);
            _blockSinceLastRollingFeeBump = true;
            ExpireLocked(now);
            RetryOrphansOf(args.Block.Transactions.Select(t => t.Txid), now);
        }
    }

    private void OnBlockDisconnected(object? sender, BlockDisconnectedEventArgs args)
    {
        lock (_lock)
            _disconnected.Add(args.Block);
    }

    private void OnTipChanged(object? sender, TipChangedEventArgs args)
    {
        lock (_lock)
        {
            if (_disconnected.Count > 0)
                Reorganize();
        }
    }

    /// <summary>
    /// Core's <c>removeForBlock</c>: the block's transactions leave as included (their in-pool children stay, now
    /// spending confirmed outputs), and pooled transactions spending the same outputs leave as conflicts with
    /// their descendants.
    /// </summary>
    private void RemoveForBlock(Block block, int height)
    {
        int included = 0, conflicted = 0;
        foreach (var transaction in block.Transactions)
        {
            if (transaction.IsCoinbase)
                continue;
            _orphans.RemoveForBlock(transaction);
            if (_graph.TryGet(transaction.Txid, out var confirmed))
            {
                var set = new HashSet<MempoolEntry> { confirmed };
                _graph.Remove(set);
                Removed(set, TransactionRemovalReason.Included);
                included++;
            }
            foreach (var input in transaction.Inputs)
            {
                if (!_graph.TryGetSpender(input.PreviousOutput, out var spender))
                    continue;
                var conflicts = new HashSet<MempoolEntry>();
                MempoolGraph.CollectDescendants(spender, conflicts);
                _graph.Remove(conflicts);
                Removed(conflicts, TransactionRemovalReason.Conflict);
                conflicted += conflicts.Count;
            }
        }
        Log.BlockConnected(_logger, height, included, conflicted);
    }

    /// <summary>
    /// After a reorganization: offers the disconnected blocks' transactions again (oldest block first, in block
    /// order, without fee checks, as Core's <c>MaybeUpdateMempoolForReorg</c> does; their signatures were verified
    /// when their block connected and commit only to the spent outputs, which an outpoint fixes), then re-checks
    /// every pooled transaction against the new tip (inputs still there, coinbases still mature, lock times passed) and rebuilds
    /// the graph. The disconnected transactions may become parents of pooled ones, so the graph is rebuilt in
    /// a valid order rather than patched.
    /// </summary>
    private void Reorganize()
    {
        var now = _time.GetUtcNow();
        var offered = Enumerable.Reverse(_disconnected).SelectMany(b => b.Transactions).Where(t => !t.IsCoinbase).ToList();
        _disconnected.Clear();
        var existing = _graph.InTopologicalOrder();
        var existingIds = existing.Select(e => e.Txid).ToHashSet();
        _graph.Clear();

        int readmitted = 0;
        foreach (var transaction in offered)
        {
            if (existingIds.Contains(transaction.Txid) || _graph.Contains(transaction.Txid))
                continue;
            if (_standardness.Check(transaction, out _) is not null)
                continue;
            if (TryReadd(transaction, null, now) is { } entry)
            {
                Added(entry);
                readmitted++;
            }
        }
        var invalid = new HashSet<MempoolEntry>();
        foreach (var entry in existing)
        {
            if (TryReadd(entry.Transaction, entry, now) is null)
                invalid.Add(entry);
        }
        Removed(invalid, TransactionRemovalReason.Reorganization);
        var (evicted, highestRate) = TrimToSize();
        if (evicted.Count > 0)
            RecordEviction(evicted, highestRate, now);
        Log.Reorganized(_logger, readmitted, offered.Count, invalid.Count);
    }

    /// <summary>Adds a transaction (reusing <paramref name="previous"/>'s entry) if it is still valid on the tip and within the chain limits.</summary>
    private MempoolEntry? TryReadd(Transaction transaction, MempoolEntry? previous, DateTimeOffset now)
    {
        foreach (var input in transaction.Inputs)
        {
            if (_graph.TryGetSpender(input.PreviousOutput, out _))
                return null;
        }
        var tip = _chain.Tip;
        int tipHeight = tip.Height;
        if (!TransactionFinalityRule.IsFinal(transaction, tipHeight + 1, tip.MedianTimePast))
            return null;
        var view = new MempoolCoinView(_chain.Coins, _graph, _rules.OutputTypes, tipHeight + 1);
        if (!_rules.CheckInputs(transaction, view, tipHeight + 1, out _, out var fee).IsValid)
            return null;
        var parents = _graph.FindParents(transaction);
        var ancestors = MempoolGraph.CollectAncestors(parents);
        if (CheckChainLimits(ancestors, transaction.VirtualSize) is not null)
            return null;
        var entry = previous ?? new MempoolEntry(transaction, fee, now, tipHeight, 0);
        entry.Sequence = _nextSequence++;
        _graph.Add(entry, parents, ancestors);
        return entry;
    }

}

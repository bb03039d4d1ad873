using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

// Dry runs: the acceptance path of Accept, run to the end and then undone under the same lock.
public sealed partial class TransactionPool
{
    // True only inside TestAccept, under the lock: notifications, metrics, logs and the orphan pool stay untouched.
    private bool _dryRun;

    /// <summary>
    /// Judges <paramref name="transaction"/> exactly as <see cref="Accept"/> would now (consensus rules, finality,
    /// standardness, replacement, chain limits, fee floors, signatures, the size cap) without changing the pool:
    /// the verdict, reject code, fee and replaced transactions are those <see cref="Accept"/> would return on
    /// the same pool. What <c>testmempoolaccept</c> answers.
    /// </summary>
    /// <remarks>
    /// A transaction with missing inputs reports <see cref="MempoolAcceptStatus.Orphaned"/> (or
    /// <see cref="MempoolRejectCodes.OrphanRefused"/>) without entering the orphan pool.
    /// </remarks>
    public MempoolAcceptResult TestAccept(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return TestAccept([transaction])[0];
    }

    /// <summary>
    /// Judges <paramref name="transactions"/> as if they were offered to <see cref="Accept"/> one after the other
    /// (each sees the ones before it that would be accepted, so a child may follow its parent), then leaves the
    /// pool as it was. One result per transaction, in order.
    /// </summary>
    /// <remarks>
    /// This is sequential acceptance, not Core's package relay: a child cannot pay for a parent that is refused
    /// on its own (below the minimum fee rate). Unlike <see cref="Accept"/>, an accepted transaction does not
    /// pull its waiting children out of the orphan pool, so a later transaction already held as an orphan is
    /// judged on its own rather than reported as already pooled.
    /// </remarks>
    public IReadOnlyList<MempoolAcceptResult> TestAccept(IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var results = new MempoolAcceptResult[transactions.Count];
        lock (_lock)
        {
            var saved = new SavedState(this);
            _dryRun = true;
            try
            {
                var now = _time.GetUtcNow();
                if (now - _lastExpirySweep >= ExpirySweepInterval)
                    ExpireLocked(now);
                for (int i = 0; i < transactions.Count; i++)
                {
                    var transaction = transactions[i] ?? throw new ArgumentException("a transaction is null", nameof(transactions));
                    results[i] = Evaluate(transaction, now, now).Describing(transaction);
                }
            }
            finally
            {
                saved.Restore(this);
                _dryRun = false;
            }
        }
        return results;
    }

    /// <summary>Everything a dry run may change, captured before it so it can be put back exactly.</summary>
    private sealed class SavedState(TransactionPool pool)
    {
        private readonly HashSet<MempoolEntry> _entries = [.. pool._graph.Entries];
        private readonly long _nextSequence = pool._nextSequence;
        private readonly double _rollingMinimumFee = pool._rollingMinimumFee;
        private readonly DateTimeOffset _lastRollingFeeUpdate = pool._lastRollingFeeUpdate;
        private readonly bool _blockSinceLastRollingFeeBump = pool._blockSinceLastRollingFeeBump;
        private readonly DateTimeOffset _lastExpirySweep = pool._lastExpirySweep;

        public void Restore(TransactionPool target)
        {
            // What the run added goes (with any descendants it gave them, all added too); what it removed
            // (replaced, evicted, expired: closed under descendants) comes back parents first.
            var added = target._graph.Entries.Where(e => !_entries.Contains(e)).ToHashSet();
            if (added.Count > 0)
                target._graph.Remove(added);
            var removed = _entries.Where(e => !target._graph.Contains(e.Txid)).ToHashSet();
            target.Restore(removed);
            target._nextSequence = _nextSequence;
            target._rollingMinimumFee = _rollingMinimumFee;
            target._lastRollingFeeUpdate = _lastRollingFeeUpdate;
            target._blockSinceLastRollingFeeBump = _blockSinceLastRollingFeeBump;
            target._lastExpirySweep = _lastExpirySweep;
        }
    }
}

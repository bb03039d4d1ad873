using Antimony.Consensus.Events;
using Antimony.Primitives.Amounts;

namespace Antimony.Consensus.Mempool;

// The size cap with its rolling minimum fee, and expiry.
public sealed partial class TransactionPool
{
    private static readonly TimeSpan RollingFeeUpdateInterval = TimeSpan.FromSeconds(10);

    // Core's rollingMinimumFeeRate, in atoms per 1,000 vB as a double so the decay is smooth.
    private double _rollingMinimumFee;
    private DateTimeOffset _lastRollingFeeUpdate;
    private bool _blockSinceLastRollingFeeBump;

    /// <summary>
    /// While over <see cref="MempoolOptions.MaxSizeBytes"/>, removes the entry with the lowest descendant fee
    /// rate together with its descendants (its package: evicting a parent without its children is impossible),
    /// returning what went and the highest package rate evicted.
    /// </summary>
    private (HashSet<MempoolEntry> Evicted, FeeRate HighestRate) TrimToSize()
    {
        var evicted = new HashSet<MempoolEntry>();
        var highest = FeeRate.Zero;
        while (_graph.Bytes > _options.MaxSizeBytes && _graph.LowestDescendantScore is { } lowest)
        {
            highest = FeeRate.Max(highest, FeeRate.FromFee(new Money(lowest.DescendantFees), lowest.DescendantSize));
            var package = new HashSet<MempoolEntry>();
            MempoolGraph.CollectDescendants(lowest, package);
            _graph.Remove(package);
            evicted.UnionWith(package);
        }
        return (evicted, highest);
    }

    /// <summary>
    /// Commits an eviction: raises the rolling minimum to the highest evicted package rate plus the incremental
    /// relay rate (so what just left cannot come straight back and what comes in pays more), and reports it.
    /// </summary>
    private void RecordEviction(HashSet<MempoolEntry> evicted, FeeRate highestRate, DateTimeOffset now)
    {
        double raised = (highestRate + _options.IncrementalRelayFeeRate).AtomsPerKilovirtualByte;
        if (raised > _rollingMinimumFee)
        {
            _rollingMinimumFee = raised;
            _blockSinceLastRollingFeeBump = false;
        }
        _lastRollingFeeUpdate = now;
        Removed(evicted, TransactionRemovalReason.Evicted);
        if (!_dryRun)
            Log.Evicted(_logger, evicted.Count, RollingMinimumFeeRate(now).ToString());
    }

    /// <summary>
    /// Core's <c>GetMinFee</c>: the rolling minimum holds until a block arrives after the last eviction, then
    /// halves every half-life (every quarter or half of it while the pool is under a quarter or half full),
    /// dropping to zero below half the incremental relay rate; while positive it is at least that rate.
    /// </summary>
    private FeeRate RollingMinimumFeeRate(DateTimeOffset now)
    {
        if (!_blockSinceLastRollingFeeBump || _rollingMinimumFee == 0)
            return new FeeRate((long)Math.Round(_rollingMinimumFee));
        if (now - _lastRollingFeeUpdate > RollingFeeUpdateInterval)
        {
            double halfLife = _options.RollingFeeHalfLife.TotalSeconds;
            if (_graph.Bytes < _options.MaxSizeBytes / 4)
                halfLife /= 4;
            else if (_graph.Bytes < _options.MaxSizeBytes / 2)
                halfLife /= 2;
            _rollingMinimumFee /= Math.Pow(2.0, (now - _lastRollingFeeUpdate).TotalSeconds / halfLife);
            _lastRollingFeeUpdate = now;
            if (_rollingMinimumFee < _options.IncrementalRelayFeeRate.AtomsPerKilovirtualByte / 2.0)
            {
                _rollingMinimumFee = 0;
                return FeeRate.Zero;
            }
        }
        return FeeRate.Max(new FeeRate((long)Math.Round(_rollingMinimumFee)), _options.IncrementalRelayFeeRate);
    }

    /// <summary>Removes entries older than the expiry with their descendants, and expired orphans.</summary>
    private int ExpireLocked(DateTimeOffset now)
    {
        _lastExpirySweep = now;
        if (!_dryRun)
            _orphans.Expire(now);
        var expired = new HashSet<MempoolEntry>();
        foreach (var entry in _graph.Entries)
        {
            if (now - entry.Time >= _options.Expiry)
                MempoolGraph.CollectDescendants(entry, expired);
        }
        if (expired.Count == 0)
            return 0;
        _graph.Remove(expired);
        Removed(expired, TransactionRemovalReason.Expired);
        if (!_dryRun)
            Log.Expired(_logger, expired.Count, _options.Expiry);
        return expired.Count;
    }
}

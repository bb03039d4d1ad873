using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Consensus.Rules;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// The mempool: unconfirmed transactions valid on the active chain's tip, conflict-free, within the node's
/// policy (<see cref="MempoolOptions"/>), ordered for mining by ancestor-package fee rate (child pays for
/// parent) and kept in step with the chain through <see cref="IChainEvents"/>.
/// </summary>
/// <remarks>
/// <para>Every transaction is checked with the consensus rules (<see cref="ConsensusRuleSet"/>: context-free
/// rules, input rules against the tip's coins with pooled outputs layered on top, and every signature through
/// the output types' verifiers) before the policy decides. A refused transaction leaves the pool unchanged.</para>
/// <para>Replacement is full-RBF, as in Bitcoin Core since v28: any pooled transaction may be replaced, without
/// BIP125 opt-in signalling, by one that pays a higher fee rate than each transaction it directly conflicts
/// with and a higher absolute fee than everything it evicts (descendants included) plus the incremental relay
/// fee for its own size, evicting at most <see cref="MempoolOptions.MaxReplacementEvictions"/>.</para>
/// <para>Thread-safe: one lock serializes changes and reads; signatures are verified under it, so acceptance is
/// sequential (like Core's). Notifications are raised after the lock is released.</para>
/// </remarks>
public sealed partial class TransactionPool : IDisposable
{
    private static readonly TimeSpan ExpirySweepInterval = TimeSpan.FromMinutes(1);

    private readonly ChainState _chain;
    private readonly ConsensusRuleSet _rules;
    private readonly ChainEvents _events;
    private readonly MempoolOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MempoolMetrics _metrics;
    private readonly StandardnessPolicy _standardness;
    private readonly Lock _lock = new();
    private readonly MempoolGraph _graph = new();
    private readonly OrphanPool _orphans;
    private readonly List<Primitives.Blocks.Block> _disconnected = [];
    private long _nextSequence;
    private DateTimeOffset _lastExpirySweep;

    /// <summary>Creates an empty pool following <paramref name="chain"/>'s tip through <paramref name="events"/>.</summary>
    public TransactionPool(
        ChainState chain,
        ConsensusRuleSet rules,
        ChainEvents events,
        IOptions<MempoolOptions> options,
        TimeProvider timeProvider,
        ILogger<TransactionPool>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _chain = chain;
        _rules = rules;
        _events = events;
        _options = options.Value;
        var validation = new MempoolOptionsValidator().Validate(null, _options);
        if (validation.Failed)
            throw new OptionsValidationException(nameof(MempoolOptions), typeof(MempoolOptions), validation.Failures);
        _time = timeProvider;
        _logger = logger ?? NullLogger<TransactionPool>.Instance;
        _standardness = new StandardnessPolicy(_options, rules.OutputTypes);
        _orphans = new OrphanPool(_options);
        _metrics = new MempoolMetrics(meterFactory, () => Count, () => Bytes, () => OrphanCount);
        _lastExpirySweep = _time.GetUtcNow();
        _events.BlockConnected += OnBlockConnected;
        _events.BlockDisconnected += OnBlockDisconnected;
        _events.TipChanged += OnTipChanged;
    }

    /// <summary>The policy in force.</summary>
    public MempoolOptions Options => _options;

    /// <summary>The number of pooled transactions.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _graph.Count;
        }
    }

    /// <summary>The total serialized size of the pooled transactions (what <see cref="MempoolOptions.MaxSizeBytes"/> caps).</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
                return _graph.Bytes;
        }
    }

    /// <summary>The number of transactions waiting for missing parents.</summary>
    public int OrphanCount
    {
        get
        {
            lock (_lock)
                return _orphans.Count;
        }
    }

    /// <summary>
    /// The lowest fee rate a new transaction must pay now: the minimum relay rate, or the rolling minimum raised
    /// by evictions when the pool was full (decaying with <see cref="MempoolOptions.RollingFeeHalfLife"/>).
    /// </summary>
    public FeeRate MinimumFeeRate
    {
        get
        {
            lock (_lock)
                return FeeRate.Max(_options.MinRelayFeeRate, RollingMinimumFeeRate(_time.GetUtcNow()));
        }
    }

    /// <summary>
    /// Offers <paramref name="transaction"/> to the pool. On acceptance, orphans waiting for it are retried.
    /// </summary>
    public MempoolAcceptResult Accept(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        MempoolAcceptResult result;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now - _lastExpirySweep >= ExpirySweepInterval)
                ExpireLocked(now);
            result = AcceptOne(transaction, now, now).Describing(transaction);
            if (result.IsAccepted)
                RetryOrphansOf([transaction.Txid], now);
        }
        _events.Deliver();
        return result;
    }

    /// <summary>Whether a transaction with id <paramref name="txid"/> is pooled.</summary>
    public bool Contains(Txid txid)
    {
        lock (_lock)
            return _graph.Contains(txid);
    }

    /// <summary>Whether a transaction with id <paramref name="txid"/> waits in the orphan pool.</summary>
    public bool ContainsOrphan(Txid txid)
    {
        lock (_lock)
            return _orphans.Contains(txid);
    }

    /// <summary>A snapshot of the pooled transaction with id <paramref name="txid"/>.</summary>
    public bool TryGetEntry(Txid txid, [NotNullWhen(true)] out MempoolEntryInfo? entry)
    {
        lock (_lock)
        {
            entry = _graph.TryGet(txid, out var found) ? found.ToInfo() : null;
            return entry is not null;
        }
    }

    /// <summary>The id of the pooled transaction spending <paramref name="outPoint"/>, if any (for wallets).</summary>
    public bool TryGetSpender(OutPoint outPoint, out Txid spender)
    {
        lock (_lock)
        {
            bool found = _graph.TryGetSpender(outPoint, out var entry);
            spender = found ? entry!.Txid : default;
            return found;
        }
    }

    /// <summary>Snapshots of every pooled transaction in a valid block order (parents first).</summary>
    public IReadOnlyList<MempoolEntryInfo> GetEntries()
    {
        lock (_lock)
            return [.. _graph.InTopologicalOrder().Select(e => e.ToInfo())];
    }

    /// <summary>
    /// Chooses transactions for a block template of at most <paramref name="maxWeight"/> (the caller subtracts
    /// the coinbase's and header's share): highest ancestor-package fee rate first, each package parents first,
    /// descendants' package rates updated as their ancestors are taken (Core's <c>addPackageTxs</c>). With
    /// <see cref="long.MaxValue"/> it returns the whole pool in mining order.
    /// </summary>
    public PackageSelection SelectPackages(long maxWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxWeight);
        lock (_lock)
            return PackageSelector.Select(_graph, maxWeight);
    }

    /// <summary>Removes transactions older than <see cref="MempoolOptions.Expiry"/> (with their descendants) and expired orphans; returns how many pooled ones left.</summary>
    public int RemoveExpired()
    {
        int removed;
        lock (_lock)
            removed = ExpireLocked(_time.GetUtcNow());
        _events.Deliver();
        return removed;
    }

    /// <summary>Stops following the chain and releases the meter this instance owns.</summary>
    public void Dispose()
    {
        _events.BlockConnected -= OnBlockConnected;
        _events.BlockDisconnected -= OnBlockDisconnected;
        _events.TipChanged -= OnTipChanged;
        _metrics.Dispose();
    }

    private void Removed(HashSet<MempoolEntry> entries, TransactionRemovalReason reason)
    {
        if (entries.Count == 0 || _dryRun)
            return;
        foreach (var entry in entries.OrderBy(e => e.Sequence))
            _events.Enqueue(new TransactionRemovedEventArgs(entry.Transaction, reason));
        _metrics.Removed(reason, entries.Count);
    }

    private void Added(MempoolEntry entry)
    {
        if (!_dryRun)
            _events.Enqueue(new TransactionAddedEventArgs(entry.Transaction, new Primitives.Amounts.Money(entry.Fee)));
    }
}

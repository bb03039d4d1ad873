using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Events;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Storage;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Blocks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antimony.Consensus.Chain;

/// <summary>
/// The node's view of the chain: a tree of all known headers with their cumulative work, the active
/// chain (the stored, valid chain with the most work; the first seen wins ties) and its UTXO set.
/// Blocks are validated, stored, and connected or disconnected (reorganizations of any depth the stores
/// hold); invalid blocks and all their descendants are remembered and never retried.
/// </summary>
/// <remarks>
/// Changes are serialized by one asynchronous lock; reads (<see cref="Tip"/>, <see cref="TryGetEntry"/>,
/// <see cref="Coins"/>) are safe from any thread at any time. Events are delivered after the lock is released.
/// </remarks>
public sealed partial class ChainState : IDisposable
{
    private readonly ConsensusRuleSet _rules;
    private readonly IBlockStore _blocks;
    private readonly IChainStateStore _state;
    private readonly ChainEvents _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConsensusMetrics _metrics;
    private readonly BlockConnector _connector;
    private readonly HeaderTree _tree = new();
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ChainEntry _tip;
    private ChainEntry? _submitted;

    /// <summary>Opens the chain state over the given stores, writing the genesis block into empty ones.</summary>
    /// <exception cref="InvalidOperationException">The stores belong to another network or are inconsistent.</exception>
    public ChainState(
        ChainParameters parameters,
        ConsensusRuleSet rules,
        IBlockStore blockStore,
        IChainStateStore chainStateStore,
        ChainEvents events,
        TimeProvider timeProvider,
        ILogger<ChainState>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(blockStore);
        ArgumentNullException.ThrowIfNull(chainStateStore);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Parameters = parameters;
        _rules = rules;
        _blocks = blockStore;
        _state = chainStateStore;
        _events = events;
        _time = timeProvider;
        _logger = logger ?? NullLogger<ChainState>.Instance;
        _metrics = new ConsensusMetrics(meterFactory, () => Tip.Height, () => _tree.Count);
        _connector = new BlockConnector(rules);
        (Genesis, _tip) = Load();
        ActivateBestChain(CancellationToken.None);
        _events.Deliver();
        Log.Loaded(_logger, parameters.Name, _tip.Hash.ToString(), _tip.Height, _tree.Count);
    }

    /// <summary>The network.</summary>
    public ChainParameters Parameters { get; }

    /// <summary>The genesis entry.</summary>
    public ChainEntry Genesis { get; }

    /// <summary>The active chain's tip.</summary>
    public ChainEntry Tip => Volatile.Read(ref _tip);

    /// <summary>The UTXO set of the active chain (each read sees a whole block's state).</summary>
    public ICoinView Coins => _state;

    /// <summary>The number of headers known.</summary>
    public int HeaderCount => _tree.Count;

    /// <summary>The entry of the header with id <paramref name="hash"/>, on any branch.</summary>
    public bool TryGetEntry(BlockHash hash, [NotNullWhen(true)] out ChainEntry? entry) => _tree.TryGet(hash, out entry);

    /// <summary>The active chain's entry at <paramref name="height"/>, or <see langword="null"/> above the tip.</summary>
    public ChainEntry? GetActiveEntry(int height) => Tip.GetAncestor(height);

    /// <summary>Whether <paramref name="entry"/> is on the active chain.</summary>
    public bool IsActive(ChainEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ReferenceEquals(Tip.GetAncestor(entry.Height), entry);
    }

    /// <summary>A stored block.</summary>
    public bool TryGetBlock(BlockHash hash, [NotNullWhen(true)] out Block? block) => _blocks.TryGetBlock(hash, out block);

    /// <summary>
    /// A block locator for the active chain: the tip, then ten more one by one, then doubling steps back,
    /// ending with genesis (at most 101 hashes as PROTOCOL.md allows).
    /// </summary>
    public IReadOnlyList<BlockHash> GetLocator()
    {
        var tip = Tip;
        var hashes = new List<BlockHash>();
        int step = 1;
        for (var walk = tip; walk is not null;)
        {
            hashes.Add(walk.Hash);
            if (walk.Height == 0)
                break;
            int next = Math.Max(walk.Height - step, 0);
            walk = walk.GetAncestor(next);
            if (hashes.Count > 10)
                step *= 2;
        }
        return hashes;
    }

    /// <summary>
    /// The answer to a peer's locator (getheaders/getblocks): the active-chain entries after the first locator
    /// hash that is on the active chain (genesis when none is), up to <paramref name="stop"/> inclusive or
    /// <paramref name="max"/> entries.
    /// </summary>
    public IReadOnlyList<ChainEntry> GetEntriesAfter(IEnumerable<BlockHash> locator, BlockHash stop, int max)
    {
        var tip = Tip;
        ChainEntry start = Genesis;
        foreach (var hash in locator)
        {
            if (TryGetEntry(hash, out var entry) && IsActive(entry))
            {
                start = entry;
                break;
            }
        }
        var entries = new List<ChainEntry>();
        for (int height = start.Height + 1; height <= tip.Height && entries.Count < max; height++)
        {
            var entry = tip.GetAncestor(height)!;
            entries.Add(entry);
            if (entry.Hash == stop)
                break;
        }
        return entries;
    }

    /// <summary>
    /// Validates and stores <paramref name="block"/>, then moves the active chain to the most-work valid
    /// chain, connecting and disconnecting blocks as needed.
    /// </summary>
    public async Task<BlockProcessingResult> ProcessBlockAsync(Block block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        long started = _time.GetTimestamp();
        BlockProcessingResult result;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                result = ProcessBlockLocked(block, cancellationToken);
            }
            finally
            {
                _lock.Release();
            }
        }
        finally
        {
            // Also after a cancellation part-way through a reorganization: the blocks connected so far are real.
            _events.Deliver();
        }
        _metrics.Processed(_time.GetElapsedTime(started));
        if (result.Acceptance == BlockAcceptance.Rejected)
        {
            _metrics.Rejected(result.Result.Code!);
            Log.Rejected(_logger, block.Hash.ToString(), result.Result);
        }
        return result;
    }

    /// <summary>
    /// Adds headers (parents first) to the tree without their blocks, for headers-first sync. Stops at the
    /// first rejected header and returns its result.
    /// </summary>
    public async Task<ValidationResult> ProcessHeadersAsync(IReadOnlyList<BlockHeader> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var header in headers)
            {
                var result = AcceptHeader(header, out _);
                if (!result.IsValid)
                {
                    _metrics.Rejected(result.Code!);
                    return result;
                }
            }
            return ValidationResult.Valid;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Releases the lock and the meter this instance owns.</summary>
    public void Dispose()
    {
        _lock.Dispose();
        _metrics.Dispose();
    }

    private BlockProcessingResult ProcessBlockLocked(Block block, CancellationToken cancellationToken)
    {
        if (_tree.TryGet(block.Hash, out var known) && (known.Status & BlockStatus.HasData) != 0 && !known.IsInvalid)
            return new BlockProcessingResult(BlockAcceptance.AlreadyKnown, ValidationResult.Valid, known);
        var result = AcceptHeader(block.Header, out var entry);
        if (!result.IsValid)
            return new BlockProcessingResult(BlockAcceptance.Rejected, result, entry);
        result = _rules.CheckBlock(new BlockContext(block, entry!.Previous!, Parameters));
        if (!result.IsValid)
        {
            // A mutated body says nothing about the header: the right block may still arrive.
            if (result.Reason.Value.Category == RejectCategory.Invalid)
                Persist(_tree.MarkInvalid(entry, result.Reason.Value));
            return new BlockProcessingResult(BlockAcceptance.Rejected, result, entry);
        }
        _blocks.PutBlock(block);
        _tree.MarkHasData(entry);
        Persist([entry]);
        _submitted = entry;
        try
        {
            ActivateBestChain(cancellationToken);
        }
        finally
        {
            _submitted = null;
        }
        if (entry.IsInvalid)
            return new BlockProcessingResult(BlockAcceptance.Rejected, ValidationResult.Reject(entry.InvalidReason ?? RejectReasons.BadPreviousBlock), entry);
        return new BlockProcessingResult(IsActive(entry) ? BlockAcceptance.Active : BlockAcceptance.SideChain, ValidationResult.Valid, entry);
    }

    private ValidationResult AcceptHeader(BlockHeader header, out ChainEntry? entry)
    {
        var hash = header.Hash;
        if (_tree.TryGet(hash, out entry))
            return entry.IsInvalid ? ValidationResult.Reject(entry.InvalidReason ?? RejectReasons.BadPreviousBlock, "known invalid") : ValidationResult.Valid;
        if (!_tree.TryGet(header.PreviousBlock, out var previous))
            return ValidationResult.Reject(RejectReasons.PreviousBlockNotFound, header.PreviousBlock.ToString());
        if (previous.IsInvalid)
        {
            entry = _tree.Add(header, previous);
            var changed = _tree.MarkInvalid(entry, RejectReasons.BadPreviousBlock);
            entry.Status = (entry.Status & ~BlockStatus.Invalid) | BlockStatus.InvalidAncestor;
            Persist(changed);
            return ValidationResult.Reject(RejectReasons.BadPreviousBlock);
        }
        var result = _rules.CheckHeader(new HeaderContext(header, previous, Parameters, _time.GetUtcNow()));
        if (!result.IsValid)
            return result;
        entry = _tree.Add(header, previous);
        Persist([entry]);
        return ValidationResult.Valid;
    }

    private void Persist(IReadOnlyCollection<ChainEntry> entries) =>
        _blocks.PutIndex([.. entries.Select(e => new BlockIndexRecord(e.Header, e.Height, e.Status, e.InvalidReason, e.Sequence))]);
}

using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Mining.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Mining.Templates;

/// <summary>
/// The node's <see cref="IBlockTemplateSource"/>: caches one template and rebuilds it when the tip moves, or
/// when at least <see cref="MiningOptions.TemplateRefreshFeeThreshold"/> atoms of new fees have entered the
/// mempool and the template is at least <see cref="MiningOptions.TemplateRefreshInterval"/> old.
/// </summary>
/// <remarks>
/// Templates are built on the tip last announced by <see cref="IChainEvents.TipChanged"/>, not on
/// <see cref="ChainState.Tip"/>: the chain state moves its tip before it delivers events, and until the
/// mempool has seen the block-connected event it may still hold the block's transactions.
/// </remarks>
public sealed class BlockTemplateSource : IBlockTemplateSource, IDisposable
{
    private readonly BlockAssembler _assembler;
    private readonly IChainEvents _events;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly long _feeThreshold;
    private readonly Lock _lock = new();
    private ChainEntry _tip;
    private BlockTemplate? _current;
    private long _feesSinceCurrent;

    /// <summary>Creates the source, following <paramref name="events"/> from <paramref name="chain"/>'s current tip.</summary>
    public BlockTemplateSource(ChainState chain, BlockAssembler assembler, IChainEvents events, IOptions<MiningOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(assembler);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _assembler = assembler;
        _events = events;
        _time = timeProvider;
        _refreshInterval = options.Value.TemplateRefreshInterval;
        _feeThreshold = options.Value.TemplateRefreshFeeThreshold;
        _tip = chain.Tip;
        _events.TipChanged += OnTipChanged;
        _events.TransactionAdded += OnTransactionAdded;
    }

    /// <summary>The tip templates are built on.</summary>
    public ChainEntry Tip
    {
        get
        {
            lock (_lock)
                return _tip;
        }
    }

    /// <inheritdoc />
    public BlockTemplate GetTemplate()
    {
        lock (_lock)
        {
            if (_current is null || IsOutdatedLocked(_current))
            {
                _current = _assembler.Create(_tip);
                _feesSinceCurrent = 0;
            }
            return _current;
        }
    }

    /// <inheritdoc />
    public bool IsOutdated(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        lock (_lock)
            return IsOutdatedLocked(template);
    }

    /// <summary>Stops following the chain.</summary>
    public void Dispose()
    {
        _events.TipChanged -= OnTipChanged;
        _events.TransactionAdded -= OnTransactionAdded;
    }

    private bool IsOutdatedLocked(BlockTemplate template)
    {
        if (template.PreviousBlock != _tip.Hash)
            return true;
        // Fees counted since the cached template was built; an older template than the cached one is outdated anyway.
        if (!ReferenceEquals(template, _current))
            return true;
        return _feesSinceCurrent > 0 && _feesSinceCurrent >= _feeThreshold && _time.GetUtcNow() - template.CreatedAt >= _refreshInterval;
    }

    private void OnTipChanged(object? sender, TipChangedEventArgs e)
    {
        lock (_lock)
            _tip = e.NewTip;
    }

    private void OnTransactionAdded(object? sender, TransactionAddedEventArgs e)
    {
        lock (_lock)
            _feesSinceCurrent += e.Fee.Atoms;
    }
}

using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.Hosting;

namespace Antimony.Rpc.Methods.Util;

/// <summary>
/// A small fee estimator for <c>estimatesmartfee</c>: remembers the fee rate of every transaction the mempool
/// accepted, records those later confirmed per block (the last <see cref="BlockWindow"/> blocks), and answers a
/// confirmation target from a percentile of recent confirmed rates, raised to what the current mempool needs to
/// fit within the target's blocks and to the relay floor.
/// </summary>
/// <remarks>
/// Much simpler than Core's bucketed tracker: it has no memory across restarts and does not model failures
/// to confirm. With no confirmed samples and an empty mempool it has no data, and says so as Core does.
/// </remarks>
internal sealed class FeeEstimator : IHostedService, IDisposable
{
    /// <summary>How many recent blocks' confirmations are kept.</summary>
    public const int BlockWindow = 100;

    private const int MaxTracked = 100_000;
    private readonly IChainEvents _events;
    private readonly Lock _lock = new();
    private readonly Dictionary<Txid, FeeRate> _pending = [];
    private readonly Queue<FeeRate[]> _blocks = new();

    public FeeEstimator(IChainEvents events)
    {
        _events = events;
        _events.TransactionAdded += OnTransactionAdded;
        _events.BlockConnected += OnBlockConnected;
    }

    /// <summary>The number of confirmed samples held.</summary>
    public int SampleCount
    {
        get
        {
            lock (_lock)
                return _blocks.Sum(b => b.Length);
        }
    }

    /// <summary>The estimate for <paramref name="target"/> blocks, or null without data.</summary>
    public FeeRate? Estimate(int target, bool conservative, TransactionPool? pool, long maxBlockVirtualSize)
    {
        FeeRate[] samples;
        lock (_lock)
            samples = [.. _blocks.TakeLast(Math.Max(2 * target, 6)).SelectMany(b => b)];
        var entries = pool?.GetEntries() ?? [];
        if (samples.Length == 0 && entries.Count == 0)
            return null;
        var estimate = FeeRate.Zero;
        if (samples.Length > 0)
        {
            Array.Sort(samples);
            // A nearer target asks for a higher percentile of what recently confirmed.
            double percentile = target <= 2 ? 0.85 : target <= 6 ? 0.6 : 0.5;
            if (conservative)
                percentile = Math.Min(0.95, percentile + 0.1);
            estimate = samples[(int)Math.Min(samples.Length - 1, Math.Floor(percentile * samples.Length))];
        }
        // The rate at which the best-paying transactions fill the next `target` blocks; below it nothing confirms in time.
        long room = maxBlockVirtualSize * target;
        long filled = 0;
        foreach (var entry in entries.OrderByDescending(e => e.AncestorFeeRate))
        {
            filled += entry.VirtualSize;
            if (filled > room)
            {
                estimate = FeeRate.Max(estimate, entry.AncestorFeeRate);
                break;
            }
        }
        if (pool is not null)
            estimate = FeeRate.Max(estimate, pool.MinimumFeeRate);
        return estimate;
    }

    /// <summary>Nothing to start: registering as a hosted service only makes the host create it, and so subscribe, at start.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _events.TransactionAdded -= OnTransactionAdded;
        _events.BlockConnected -= OnBlockConnected;
    }

    private void OnTransactionAdded(object? sender, TransactionAddedEventArgs e)
    {
        lock (_lock)
        {
            if (_pending.Count >= MaxTracked)
                _pending.Clear();
            _pending[e.Transaction.Txid] = FeeRate.FromFee(e.Fee, e.Transaction.VirtualSize);
        }
    }

    private void OnBlockConnected(object? sender, BlockConnectedEventArgs e)
    {
        lock (_lock)
        {
            var confirmed = new List<FeeRate>();
            foreach (var transaction in e.Block.Transactions)
            {
                if (_pending.Remove(transaction.Txid, out var rate))
                    confirmed.Add(rate);
            }
            _blocks.Enqueue([.. confirmed]);
            while (_blocks.Count > BlockWindow)
                _blocks.Dequeue();
        }
    }
}

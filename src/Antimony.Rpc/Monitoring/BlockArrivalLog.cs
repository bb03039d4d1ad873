using Antimony.Consensus.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Monitoring;

/// <summary>
/// Remembers the last blocks connected and when this node first saw each (the time the chain state told
/// it, through <see cref="IChainEvents.BlockConnected"/>), for <c>/status</c>'s propagation view.
/// A block disconnected by a reorganization leaves the list.
/// </summary>
public sealed class BlockArrivalLog : IHostedService
{
    private readonly IChainEvents _events;
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly LinkedList<BlockArrival> _recent = new();

    /// <summary>Creates the log; it follows the chain once started.</summary>
    public BlockArrivalLog(IChainEvents events, TimeProvider time, IOptions<MonitoringOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _capacity = Math.Max(1, options.Value.RecentBlockCount);
    }

    /// <summary>The recent blocks, newest first.</summary>
    public IReadOnlyList<BlockArrival> Recent
    {
        get
        {
            lock (_lock)
                return [.. _recent];
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _events.BlockConnected += OnConnected;
        _events.BlockDisconnected += OnDisconnected;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _events.BlockConnected -= OnConnected;
        _events.BlockDisconnected -= OnDisconnected;
        return Task.CompletedTask;
    }

    private void OnConnected(object? sender, BlockConnectedEventArgs e)
    {
        var arrival = new BlockArrival(e.Entry.Height, e.Entry.Hash.ToString(), e.Entry.Header.Time, _time.GetUtcNow().ToUnixTimeMilliseconds());
        lock (_lock)
        {
            _recent.AddFirst(arrival);
            while (_recent.Count > _capacity)
                _recent.RemoveLast();
        }
    }

    private void OnDisconnected(object? sender, BlockDisconnectedEventArgs e)
    {
        string hash = e.Entry.Hash.ToString();
        lock (_lock)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Hash == hash)
                {
                    _recent.Remove(node);
                    return;
                }
            }
        }
    }
}

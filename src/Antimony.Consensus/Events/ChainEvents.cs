using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antimony.Consensus.Events;

/// <summary>
/// The <see cref="IChainEvents"/> hub. Producers enqueue notifications while they hold their own lock (so
/// the queue has the state's order) and call <see cref="Deliver"/> after releasing it.
/// </summary>
public sealed partial class ChainEvents : IChainEvents
{
    private readonly ConcurrentQueue<Action> _queue = new();
    private readonly Lock _delivery = new();
    private readonly ILogger _logger;

    /// <summary>Creates the hub; <paramref name="logger"/> receives handler failures.</summary>
    public ChainEvents(ILogger<ChainEvents>? logger = null) => _logger = logger ?? NullLogger<ChainEvents>.Instance;

    /// <inheritdoc />
    public event EventHandler<BlockConnectedEventArgs>? BlockConnected;

    /// <inheritdoc />
    public event EventHandler<BlockDisconnectedEventArgs>? BlockDisconnected;

    /// <inheritdoc />
    public event EventHandler<TipChangedEventArgs>? TipChanged;

    /// <inheritdoc />
    public event EventHandler<TransactionAddedEventArgs>? TransactionAdded;

    /// <inheritdoc />
    public event EventHandler<TransactionRemovedEventArgs>? TransactionRemoved;

    internal void Enqueue(BlockConnectedEventArgs args) => _queue.Enqueue(() => Raise(BlockConnected, args));

    internal void Enqueue(BlockDisconnectedEventArgs args) => _queue.Enqueue(() => Raise(BlockDisconnected, args));

    internal void Enqueue(TipChangedEventArgs args) => _queue.Enqueue(() => Raise(TipChanged, args));

    /// <summary>Queues a mempool notification (for the mempool, which delivers after releasing its lock).</summary>
    internal void Enqueue(TransactionAddedEventArgs args) => _queue.Enqueue(() => Raise(TransactionAdded, args));

    /// <summary>Queues a mempool notification.</summary>
    internal void Enqueue(TransactionRemovedEventArgs args) => _queue.Enqueue(() => Raise(TransactionRemoved, args));

    /// <summary>Delivers queued notifications in order; call without holding any lock.</summary>
    internal void Deliver()
    {
        lock (_delivery)
        {
            while (_queue.TryDequeue(out var raise))
                raise();
        }
    }

    // Handlers are read when delivered, so a subscriber added before delivery sees the event; each handler
    // is isolated so one failure does not starve the others.
    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        if (handler is null)
            return;
        foreach (var single in handler.GetInvocationList())
        {
            try
            {
                ((EventHandler<T>)single)(this, args);
            }
#pragma warning disable CA1031 // a subscriber's bug must not break consensus delivery
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.HandlerFailed(_logger, typeof(T).Name, e);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "A chain event handler for {EventType} threw")]
        public static partial void HandlerFailed(ILogger logger, string eventType, Exception exception);
    }
}

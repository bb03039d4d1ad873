namespace Antimony.Consensus.Events;

/// <summary>
/// Notifications from the chain state and the mempool. Handlers run after the state changed and without
/// any consensus lock held, one at a time and in the order the changes happened; a handler may call back
/// into the chain state. A throwing handler is logged and does not stop delivery to others.
/// </summary>
public interface IChainEvents
{
    /// <summary>A block joined the active chain.</summary>
    event EventHandler<BlockConnectedEventArgs>? BlockConnected;

    /// <summary>A block left the active chain.</summary>
    event EventHandler<BlockDisconnectedEventArgs>? BlockDisconnected;

    /// <summary>The active tip moved.</summary>
    event EventHandler<TipChangedEventArgs>? TipChanged;

    /// <summary>A transaction entered the mempool.</summary>
    event EventHandler<TransactionAddedEventArgs>? TransactionAdded;

    /// <summary>A transaction left the mempool.</summary>
    event EventHandler<TransactionRemovedEventArgs>? TransactionRemoved;
}

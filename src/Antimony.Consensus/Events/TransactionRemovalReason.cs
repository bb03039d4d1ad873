namespace Antimony.Consensus.Events;

/// <summary>Why a transaction left the mempool.</summary>
public enum TransactionRemovalReason
{
    /// <summary>A connected block included it.</summary>
    Included = 0,

    /// <summary>A connected block spent one of its inputs with another transaction.</summary>
    Conflict = 1,

    /// <summary>The mempool evicted it for space or fee rate.</summary>
    Evicted = 2,

    /// <summary>It stayed in the mempool too long.</summary>
    Expired = 3,

    /// <summary>A reorganization made it invalid (e.g. it spent an output that no longer exists).</summary>
    Reorganization = 4,

    /// <summary>A transaction it replaced or depended on was removed.</summary>
    Replaced = 5,
}

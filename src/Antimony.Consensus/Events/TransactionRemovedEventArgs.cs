using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Events;

/// <summary>A transaction left the mempool.</summary>
/// <param name="Transaction">The transaction.</param>
/// <param name="Reason">Why.</param>
public sealed record TransactionRemovedEventArgs(Transaction Transaction, TransactionRemovalReason Reason);

using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Events;

/// <summary>A transaction entered the mempool.</summary>
/// <param name="Transaction">The transaction.</param>
/// <param name="Fee">Its fee.</param>
public sealed record TransactionAddedEventArgs(Transaction Transaction, Money Fee);

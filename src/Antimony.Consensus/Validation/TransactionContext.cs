using Antimony.Consensus.Parameters;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Validation;

/// <summary>What a context-free transaction rule sees: the transaction and the network.</summary>
/// <param name="Transaction">The transaction under test.</param>
/// <param name="Parameters">The network.</param>
public readonly record struct TransactionContext(Transaction Transaction, ChainParameters Parameters);

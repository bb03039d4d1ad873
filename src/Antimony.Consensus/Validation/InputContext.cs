using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Validation;

/// <summary>
/// What a rule on a non-coinbase transaction's inputs sees: the coins it spends, already resolved
/// (an unresolvable input is rejected with <c>bad-txns-inputs-missingorspent</c> before any such rule runs).
/// </summary>
/// <param name="Transaction">The transaction under test.</param>
/// <param name="SpentCoins">The coin spent by each input, in input order.</param>
/// <param name="SpendHeight">The height of the block that would contain the transaction (tip + 1 for the mempool).</param>
/// <param name="Parameters">The network.</param>
public readonly record struct InputContext(Transaction Transaction, ImmutableArray<Coin> SpentCoins, int SpendHeight, ChainParameters Parameters);

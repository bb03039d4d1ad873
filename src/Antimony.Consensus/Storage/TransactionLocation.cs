using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Storage;

/// <summary>Where a confirmed transaction sits: its block and its position in the block (0 is the coinbase).</summary>
/// <param name="Block">The hash of the active-chain block that holds the transaction.</param>
/// <param name="Position">The transaction's index in <see cref="Block.Transactions"/>.</param>
public readonly record struct TransactionLocation(BlockHash Block, int Position);

using Antimony.Consensus.Parameters;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Validation;

/// <summary>What a rule run after all of a block's transactions were checked against the coins sees.</summary>
/// <param name="Block">The block being connected.</param>
/// <param name="Height">Its height.</param>
/// <param name="Fees">The sum of its transactions' fees.</param>
/// <param name="Parameters">The network.</param>
public readonly record struct BlockConnectContext(Block Block, int Height, Money Fees, ChainParameters Parameters);

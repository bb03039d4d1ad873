using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Blocks;

/// <summary>
/// <c>bad-blk-weight</c>: the block's BIP141 weight is at most the network's maximum. It runs after the
/// witness commitment rule so stuffed witnesses count as a mutation, not as an invalid header.
/// </summary>
public sealed class BlockWeightRule : IBlockRule
{
    /// <inheritdoc />
    public ValidationResult Check(in BlockContext context)
    {
        // The base size alone, weighted by four, bounds the weight cheaply before computing it in full.
        var block = context.Block;
        if ((long)block.Transactions.Length * 4 * 10 > context.Parameters.MaxBlockWeight)
            return ValidationResult.Reject(RejectReasons.BadBlockWeight, "too many transactions");
        int weight = block.Weight;
        return weight <= context.Parameters.MaxBlockWeight
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.BadBlockWeight, $"weight {weight}");
    }
}

using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Blocks;

/// <summary>
/// <c>bad-txnmrklroot</c> and <c>bad-txns-duplicate</c>: the transactions must hash to the header's merkle
/// root, and the list must not be one that duplication could mutate without changing the root
/// (CVE-2012-2459). Both are <see cref="RejectCategory.Mutated"/>; the rule runs first.
/// </summary>
public sealed class MerkleRootRule : IBlockRule
{
    /// <inheritdoc />
    public ValidationResult Check(in BlockContext context)
    {
        var root = context.Block.ComputeMerkleRoot(out bool mutated);
        if (root != context.Block.Header.MerkleRoot)
            return ValidationResult.Reject(RejectReasons.BadMerkleRoot);
        return mutated ? ValidationResult.Reject(RejectReasons.DuplicateTransactions) : ValidationResult.Valid;
    }
}

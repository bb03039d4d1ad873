using Antimony.Primitives.Numerics;
using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Headers;

/// <summary>
/// <c>high-hash</c>: the bits must decode to a positive target no easier than the proof-of-work limit
/// (not negative, not overflowing, not zero), and the header's hash must not exceed it.
/// </summary>
public sealed class ProofOfWorkRule : IHeaderRule
{
    /// <inheritdoc />
    public ValidationResult Check(in HeaderContext context)
    {
        var bits = context.Header.Bits;
        if (!bits.TryGetTarget(out var target) || target > context.Parameters.PowLimit)
            return ValidationResult.Reject(RejectReasons.HighHash, $"bits {bits} out of range");
        return CompactTarget.IsMet(context.Header.Hash, target)
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.HighHash, "hash above target");
    }
}

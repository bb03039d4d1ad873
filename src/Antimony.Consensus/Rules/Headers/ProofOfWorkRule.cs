using Antimony.Consensus.Difficulty;
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
        if (!TargetMath.TryDecode(context.Header.Bits, out var target) || target > context.Parameters.PowLimit)
            return ValidationResult.Reject(RejectReasons.HighHash, $"bits 0x{context.Header.Bits:x8} out of range");
        var hash = context.Header.Hash.Value;
        return TargetMath.ToInteger(in hash) <= target
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.HighHash, "hash above target");
    }
}

using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Headers;

/// <summary><c>bad-diffbits</c>: the bits must equal what the network's difficulty algorithm requires.</summary>
public sealed class DifficultyRule(IDifficultyAlgorithm difficulty) : IHeaderRule
{
    /// <inheritdoc />
    public ValidationResult Check(in HeaderContext context)
    {
        var expected = difficulty.GetNextBits(context.Previous);
        return context.Header.Bits == expected
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.BadDiffBits, $"bits {context.Header.Bits}, expected {expected}");
    }
}

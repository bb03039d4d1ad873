using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules;

/// <summary>
/// A rule on a block's body before it touches the coins (merkle root, coinbase, weight, witness commitment).
/// Rules run in registration order, first rejection wins; rules that detect a mutated body
/// (<see cref="RejectCategory.Mutated"/>) must come first so a corrupted copy of a valid block never
/// gets its header marked invalid.
/// </summary>
public interface IBlockRule
{
    /// <summary>Checks <paramref name="context"/>'s block.</summary>
    ValidationResult Check(in BlockContext context);
}

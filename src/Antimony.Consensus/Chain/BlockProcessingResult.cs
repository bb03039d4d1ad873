using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Chain;

/// <summary>The outcome of <see cref="ChainState.ProcessBlockAsync"/>.</summary>
/// <param name="Acceptance">What happened to the block.</param>
/// <param name="Result">Valid, or why the block was rejected.</param>
/// <param name="Entry">The block's entry in the header tree, when it has one.</param>
public readonly record struct BlockProcessingResult(BlockAcceptance Acceptance, ValidationResult Result, ChainEntry? Entry)
{
    /// <summary>The reject code, or <see langword="null"/>.</summary>
    public string? Code => Result.Code;

    /// <summary>The acceptance and, if rejected, the reason.</summary>
    public override string ToString() => Acceptance == BlockAcceptance.Rejected ? $"rejected: {Result}" : Acceptance.ToString();
}

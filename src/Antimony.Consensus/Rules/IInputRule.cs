using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules;

/// <summary>
/// A rule on a non-coinbase transaction against the coins it spends (maturity, values), shared by
/// blocks and the mempool. Signatures are not checked here but by the output types' verifiers.
/// </summary>
public interface IInputRule
{
    /// <summary>Checks <paramref name="context"/>'s transaction.</summary>
    ValidationResult Check(in InputContext context);
}

using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules;

/// <summary>A rule on a block after its transactions were checked against the coins (the coinbase amount).</summary>
public interface IBlockConnectRule
{
    /// <summary>Checks <paramref name="context"/>'s block.</summary>
    ValidationResult Check(in BlockConnectContext context);
}

using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Blocks;

/// <summary><c>bad-cb-amount</c>: the coinbase pays at most the block subsidy plus the block's fees.</summary>
public sealed class CoinbaseAmountRule : IBlockConnectRule
{
    /// <inheritdoc />
    public ValidationResult Check(in BlockConnectContext context)
    {
        long paid = 0;
        foreach (var output in context.Block.Transactions[0].Outputs)
            paid += output.Value.Atoms; // each bounded by OutputValuesRule
        long allowed = context.Parameters.GetBlockSubsidy(context.Height).Atoms + context.Fees.Atoms;
        return paid <= allowed
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.CoinbaseAmount, $"paid {paid}, allowed {allowed}");
    }
}

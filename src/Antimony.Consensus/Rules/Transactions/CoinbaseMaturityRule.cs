using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary>
/// <c>bad-txns-premature-spend-of-coinbase</c>: a coinbase output created at height h is spendable from
/// height h + maturity on.
/// </summary>
public sealed class CoinbaseMaturityRule : IInputRule
{
    /// <inheritdoc />
    public ValidationResult Check(in InputContext context)
    {
        foreach (var coin in context.SpentCoins)
        {
            if (coin.IsCoinbase && context.SpendHeight - coin.Height < context.Parameters.CoinbaseMaturity)
                return ValidationResult.Reject(RejectReasons.PrematureCoinbaseSpend, $"coin at {coin.Height}, spent at {context.SpendHeight}");
        }
        return ValidationResult.Valid;
    }
}

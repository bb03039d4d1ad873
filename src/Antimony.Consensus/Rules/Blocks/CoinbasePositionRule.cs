using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Blocks;

/// <summary><c>bad-cb-missing</c> and <c>bad-cb-multiple</c>: exactly one coinbase, and it comes first.</summary>
public sealed class CoinbasePositionRule : IBlockRule
{
    /// <inheritdoc />
    public ValidationResult Check(in BlockContext context)
    {
        var transactions = context.Block.Transactions;
        if (transactions.IsEmpty || !transactions[0].IsCoinbase)
            return ValidationResult.Reject(RejectReasons.CoinbaseMissing);
        for (int i = 1; i < transactions.Length; i++)
        {
            if (transactions[i].IsCoinbase)
                return ValidationResult.Reject(RejectReasons.CoinbaseMultiple, $"transaction {i}");
        }
        return ValidationResult.Valid;
    }
}

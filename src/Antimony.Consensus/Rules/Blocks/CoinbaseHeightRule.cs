using Antimony.Consensus.Coinbase;
using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Blocks;

/// <summary><c>bad-cb-height</c>: BIP34, the coinbase script starts with the block height.</summary>
public sealed class CoinbaseHeightRule : IBlockRule
{
    /// <inheritdoc />
    public ValidationResult Check(in BlockContext context)
    {
        var transactions = context.Block.Transactions;
        if (transactions.IsEmpty || !transactions[0].IsCoinbase)
            return ValidationResult.Valid; // CoinbasePositionRule reports this
        return CoinbaseHeight.Matches(transactions[0].Inputs[0].ScriptSig.Span, context.Height)
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.CoinbaseHeight, $"height {context.Height}");
    }
}

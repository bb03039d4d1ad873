using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary><c>bad-txns-oversize</c>: the transaction without witness, weighted by four, fits in a block.</summary>
public sealed class TransactionSizeRule : ITransactionRule
{
    /// <inheritdoc />
    public ValidationResult Check(in TransactionContext context) =>
        (long)context.Transaction.BaseSize * 4 <= context.Parameters.MaxBlockWeight
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.Oversize, $"{context.Transaction.BaseSize} bytes");
}

using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary><c>bad-txns-vin-empty</c> and <c>bad-txns-vout-empty</c>: a transaction has inputs and outputs.</summary>
public sealed class InputsOutputsPresentRule : ITransactionRule
{
    /// <inheritdoc />
    public ValidationResult Check(in TransactionContext context)
    {
        if (context.Transaction.Inputs.IsEmpty)
            return ValidationResult.Reject(RejectReasons.InputsEmpty);
        return context.Transaction.Outputs.IsEmpty ? ValidationResult.Reject(RejectReasons.OutputsEmpty) : ValidationResult.Valid;
    }
}

using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary>
/// <c>bad-txns-vout-negative</c>, <c>bad-txns-vout-toolarge</c>, <c>bad-txns-txouttotal-toolarge</c>: every
/// output value and the running total stay within [0, max money].
/// </summary>
public sealed class OutputValuesRule : ITransactionRule
{
    /// <inheritdoc />
    public ValidationResult Check(in TransactionContext context)
    {
        long max = Money.MaxValue.Atoms;
        long total = 0;
        foreach (var output in context.Transaction.Outputs)
        {
            long value = output.Value.Atoms;
            if (value < 0)
                return ValidationResult.Reject(RejectReasons.OutputNegative);
            if (value > max)
                return ValidationResult.Reject(RejectReasons.OutputTooLarge);
            total += value; // both terms are at most max money, so this cannot overflow
            if (total > max)
                return ValidationResult.Reject(RejectReasons.OutputTotalTooLarge);
        }
        return ValidationResult.Valid;
    }
}

using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary>
/// <c>bad-txns-inputvalues-outofrange</c>: each spent value and their total lie in [0, max money];
/// <c>bad-txns-in-belowout</c>: the inputs cover the outputs (the difference is the fee).
/// </summary>
public sealed class InputValuesRule : IInputRule
{
    /// <inheritdoc />
    public ValidationResult Check(in InputContext context)
    {
        long max = Money.MaxValue.Atoms;
        long total = 0;
        foreach (var coin in context.SpentCoins)
        {
            long value = coin.Output.Value.Atoms;
            if (value < 0 || value > max)
                return ValidationResult.Reject(RejectReasons.InputValuesOutOfRange);
            total += value;
            if (total > max)
                return ValidationResult.Reject(RejectReasons.InputValuesOutOfRange);
        }
        long outputs = 0;
        foreach (var output in context.Transaction.Outputs)
            outputs += output.Value.Atoms; // bounded by OutputValuesRule, which runs first
        return total >= outputs
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.InputsBelowOutputs, $"in {new Money(total)}, out {new Money(outputs)}");
    }
}

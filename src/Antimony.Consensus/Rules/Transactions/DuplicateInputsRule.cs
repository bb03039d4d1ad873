using Antimony.Consensus.Validation;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary><c>bad-txns-inputs-duplicate</c>: no outpoint is spent twice by one transaction (CVE-2018-17144).</summary>
public sealed class DuplicateInputsRule : ITransactionRule
{
    /// <inheritdoc />
    public ValidationResult Check(in TransactionContext context)
    {
        var inputs = context.Transaction.Inputs;
        if (inputs.Length < 2)
            return ValidationResult.Valid;
        var seen = new HashSet<OutPoint>(inputs.Length);
        foreach (var input in inputs)
        {
            if (!seen.Add(input.PreviousOutput))
                return ValidationResult.Reject(RejectReasons.DuplicateInputs, input.PreviousOutput.ToString());
        }
        return ValidationResult.Valid;
    }
}

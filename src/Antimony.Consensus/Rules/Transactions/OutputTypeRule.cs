using Antimony.Consensus.OutputTypes;
using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary>
/// <c>bad-txns-output-type</c>: every output script is of a registered output type; then that type's own
/// output check runs (e.g. <c>bad-txns-data-value</c>).
/// </summary>
public sealed class OutputTypeRule(OutputTypeRegistry registry) : ITransactionRule
{
    /// <inheritdoc />
    public ValidationResult Check(in TransactionContext context)
    {
        var outputs = context.Transaction.Outputs;
        for (int i = 0; i < outputs.Length; i++)
        {
            if (!registry.TryClassify(outputs[i].ScriptPubKey.Span, out var verifier))
                return ValidationResult.Reject(RejectReasons.OutputType, $"output {i}: {outputs[i].ScriptPubKey}");
            var result = verifier.CheckOutput(outputs[i]);
            if (!result.IsValid)
                return result;
        }
        return ValidationResult.Valid;
    }
}

using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary>
/// <c>bad-txns-scriptsig-not-empty</c>: every output type spends through its witness, so a non-coinbase
/// input's scriptSig is empty (PROTOCOL.md). This also rules out scriptSig malleability.
/// </summary>
public sealed class EmptyScriptSigRule : ITransactionRule
{
    /// <inheritdoc />
    public ValidationResult Check(in TransactionContext context)
    {
        if (context.Transaction.IsCoinbase)
            return ValidationResult.Valid;
        var inputs = context.Transaction.Inputs;
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!inputs[i].ScriptSig.IsEmpty)
                return ValidationResult.Reject(RejectReasons.ScriptSigNotEmpty, $"input {i}");
        }
        return ValidationResult.Valid;
    }
}

using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Transactions;

/// <summary>
/// <c>bad-cb-length</c>: a coinbase's script is 2 to 100 bytes. <c>bad-txns-prevout-null</c>: any other
/// transaction spends no null outpoint.
/// </summary>
public sealed class CoinbaseScriptRule : ITransactionRule
{
    /// <inheritdoc />
    public ValidationResult Check(in TransactionContext context)
    {
        var transaction = context.Transaction;
        if (transaction.IsCoinbase)
        {
            int length = transaction.Inputs[0].ScriptSig.Length;
            return length is >= 2 and <= 100 ? ValidationResult.Valid : ValidationResult.Reject(RejectReasons.CoinbaseLength, $"{length} bytes");
        }
        foreach (var input in transaction.Inputs)
        {
            if (input.PreviousOutput.IsNull)
                return ValidationResult.Reject(RejectReasons.PrevoutNull);
        }
        return ValidationResult.Valid;
    }
}

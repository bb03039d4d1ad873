using Antimony.Consensus.Validation;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// Data carrier: <c>OP_RETURN</c> followed only by pushes of at most 80 bytes in total (the Primitives'
/// <see cref="ScriptPubKey.Classify"/> defines the exact template). Value must be zero; never spendable,
/// never in the UTXO set.
/// </summary>
public sealed class DataOutputVerifier : IOutputTypeVerifier
{
    /// <inheritdoc />
    public OutputTypeId Type => OutputTypeId.Data;

    /// <inheritdoc />
    public bool IsSpendable => false;

    /// <inheritdoc />
    public bool Matches(ReadOnlySpan<byte> scriptPubKey) => ScriptPubKey.Classify(scriptPubKey) == OutputType.Data;

    /// <inheritdoc />
    public ValidationResult CheckOutput(in TxOut output) =>
        output.Value.Atoms == 0 ? ValidationResult.Valid : ValidationResult.Reject(RejectReasons.DataOutputValue, $"data output worth {output.Value}");

    /// <inheritdoc />
    public ValidationResult PrepareSpend(in SpendContext context, ICollection<SignatureCheck> signatures) =>
        ValidationResult.Reject(RejectReasons.InputsMissingOrSpent, "data outputs are never spendable");
}

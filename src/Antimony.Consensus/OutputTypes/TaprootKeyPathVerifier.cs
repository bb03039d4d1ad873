using Antimony.Consensus.Validation;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// P2TR (witness v1), key path only: <c>OP_1 0x20 &lt;x-only output key&gt;</c>, spent by a witness of one
/// item (plus an optional BIP341 annex): a 64-byte BIP340 signature, or 65 bytes with an explicit hash type
/// other than 0x00, over the BIP341 signature hash, verified against the output key (checks from the Primitives' <see cref="TaprootKeySpend"/>). Antimony v1 has no
/// script path, so any other witness shape is invalid.
/// </summary>
public sealed class TaprootKeyPathVerifier : IOutputTypeVerifier
{
    /// <inheritdoc />
    public OutputTypeId Type => OutputTypeId.TaprootKeyPath;

    /// <inheritdoc />
    public bool IsSpendable => true;

    /// <inheritdoc />
    public bool Matches(ReadOnlySpan<byte> scriptPubKey) => ScriptPubKey.Classify(scriptPubKey) == OutputType.P2tr;

    /// <inheritdoc />
    public ValidationResult CheckOutput(in TxOut output) => ValidationResult.Valid;

    /// <inheritdoc />
    public ValidationResult PrepareSpend(in SpendContext context, ICollection<SignatureCheck> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        if (!TaprootKeySpend.TryGetCheck(context.SigHashes, context.InputIndex, context.Input.Witness, out var check, out var error))
            return SpendErrorReasons.ToResult(error, context.InputIndex);
        signatures.Add(check);
        return ValidationResult.Valid;
    }
}

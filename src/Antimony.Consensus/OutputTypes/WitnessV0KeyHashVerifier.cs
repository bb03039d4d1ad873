using Antimony.Consensus.Validation;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// P2WPKH (witness v0): <c>OP_0 0x14 &lt;HASH160(compressed key)&gt;</c>, spent by exactly
/// <c>[strict-DER low-S signature + hash type byte, 33-byte compressed key]</c> whose key hashes to the
/// program, over the BIP143 signature hash.
/// </summary>
public sealed class WitnessV0KeyHashVerifier : IOutputTypeVerifier
{
    /// <inheritdoc />
    public OutputTypeId Type => OutputTypeId.WitnessV0KeyHash;

    /// <inheritdoc />
    public bool IsSpendable => true;

    /// <inheritdoc />
    public bool Matches(ReadOnlySpan<byte> scriptPubKey) => ScriptPubKey.Classify(scriptPubKey) == OutputType.P2wpkh;

    /// <inheritdoc />
    public ValidationResult CheckOutput(in TxOut output) => ValidationResult.Valid;

    /// <inheritdoc />
    public ValidationResult PrepareSpend(in SpendContext context, ICollection<SignatureCheck> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        if (!P2wpkhSpend.TryGetCheck(context.SigHashes, context.InputIndex, context.Input.Witness, out var check, out var error))
            return SpendErrorReasons.ToResult(error, context.InputIndex);
        signatures.Add(check);
        return ValidationResult.Valid;
    }
}

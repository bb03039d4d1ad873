using Antimony.Consensus.Validation;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// P2TR (witness v1), key path only: <c>OP_1 0x20 &lt;x-only key&gt;</c>, spent by a witness of exactly one
/// item, a 64-byte BIP340 signature or 65 bytes with an explicit sighash type. Antimony v1 has no
/// script path, so a second item (control block or BIP341 annex) is invalid.
/// </summary>
public sealed class TaprootKeyPathVerifier(ISpendSignatureChecker checker) : IOutputTypeVerifier
{
    /// <inheritdoc />
    public OutputType Type => OutputType.TaprootKeyPath;

    /// <inheritdoc />
    public bool IsSpendable => true;

    /// <inheritdoc />
    public bool Matches(ReadOnlySpan<byte> scriptPubKey) => scriptPubKey.Length == 34 && scriptPubKey[0] == 0x51 && scriptPubKey[1] == 0x20;

    /// <inheritdoc />
    public ValidationResult CheckOutput(in TxOut output) => ValidationResult.Valid;

    /// <inheritdoc />
    public ValidationResult VerifySpend(in SpendContext context)
    {
        var witness = context.Input.Witness;
        if (witness.Count != 1)
            return ValidationResult.Reject(RejectReasons.BadWitness, $"p2tr key path takes one witness item, got {witness.Count}");
        var signature = witness[0];
        // BIP341: a 65-byte signature names its sighash type explicitly, and 0x00 (DEFAULT) may only be implied.
        bool shapeOk = signature.Length == 64 || (signature.Length == 65 && signature[64] != 0x00 && SighashTypes.IsDefined(signature[64]));
        if (!shapeOk)
            return ValidationResult.Reject(RejectReasons.BadWitness, $"p2tr signature of {signature.Length} bytes or undefined sighash type");
        var outputKey = context.SpentOutput.ScriptPubKey.Span[2..];
        return checker.VerifyTaprootKeyPath(context, outputKey, signature)
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.SignatureFailed, $"input {context.InputIndex}: schnorr signature");
    }
}

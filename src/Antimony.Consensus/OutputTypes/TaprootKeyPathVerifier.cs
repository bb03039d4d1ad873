using Antimony.Consensus.Validation;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// P2TR (witness v1), key path only: <c>OP_1 0x20 &lt;x-only output key&gt;</c>, spent by a witness of one
/// item (plus an optional BIP341 annex): a 64-byte BIP340 signature, or 65 bytes with an explicit hash type
/// other than 0x00, over the BIP341 signature hash, verified against the output key. Antimony v1 has no
/// script path, so any other witness shape is invalid.
/// </summary>
public sealed class TaprootKeyPathVerifier : IOutputTypeVerifier
{
    private const byte AnnexTag = 0x50;

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
        var witness = context.Input.Witness;
        // BIP341: with two or more items, a last item starting 0x50 is the annex, committed to by the hash.
        ReadOnlySpan<byte> annex = witness.Count >= 2 && witness[^1].Length > 0 && witness[^1][0] == AnnexTag ? witness[^1] : default;
        int stackSize = witness.Count - (annex.IsEmpty ? 0 : 1);
        if (stackSize != 1)
            return ValidationResult.Reject(RejectReasons.BadWitness, $"input {context.InputIndex}: p2tr key path takes one item, got {stackSize}");
        var item = witness[0];
        SigHashType hashType;
        if (item.Length == SchnorrSignature.Size)
            hashType = SigHashType.Default;
        else if (item.Length == SchnorrSignature.Size + 1 && item[^1] != 0x00)
            hashType = new SigHashType(item[^1]); // 0x00 may only be implied, so a 64-byte signature cannot be padded
        else
            return ValidationResult.Reject(RejectReasons.BadWitness, $"input {context.InputIndex}: p2tr signature of {item.Length} bytes");

        if (!XOnlyPublicKey.TryParse(context.SpentOutput.ScriptPubKey.Span[2..], out var outputKey))
            return ValidationResult.Reject(RejectReasons.SignatureFailed, $"input {context.InputIndex}: output key is not on the curve");
        if (!context.SigHashes.TryGetTaprootKeyPathHash(context.InputIndex, hashType, annex, out var sigHash, out var error))
            return ValidationResult.Reject(RejectReasons.SignatureFailed, $"input {context.InputIndex}: {error}");
        signatures.Add(SignatureCheck.Schnorr(outputKey, sigHash, SchnorrSignature.Parse(item[..SchnorrSignature.Size])));
        return ValidationResult.Valid;
    }
}

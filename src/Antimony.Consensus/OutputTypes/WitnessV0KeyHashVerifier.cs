using Antimony.Consensus.Validation;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
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
        var witness = context.Input.Witness;
        int index = context.InputIndex;
        if (witness.Count != 2)
            return ValidationResult.Reject(RejectReasons.BadWitness, $"input {index}: p2wpkh takes two items, got {witness.Count}");
        var signatureItem = witness[0];
        if (signatureItem.IsEmpty || !EcdsaSignature.TryParseDer(signatureItem[..^1], out var signature) || !signature.IsLowS)
            return ValidationResult.Reject(RejectReasons.BadWitness, $"input {index}: signature is not strict DER with low S");
        var hashType = new SigHashType(signatureItem[^1]);
        if (!hashType.IsDefinedForWitnessV0)
            return ValidationResult.Reject(RejectReasons.BadWitness, $"input {index}: undefined hash type {hashType}");
        var keyItem = witness[1];
        if (keyItem.Length != PublicKey.Size || (keyItem[0] != 0x02 && keyItem[0] != 0x03) || !PublicKey.TryParse(keyItem, out var publicKey))
            return ValidationResult.Reject(RejectReasons.BadWitness, $"input {index}: not a compressed public key");
        var program = new Hash160(context.SpentOutput.ScriptPubKey.Span[2..]);
        if (publicKey.ToHash160() != program)
            return ValidationResult.Reject(RejectReasons.BadWitness, $"input {index}: key does not hash to the program");
        if (!context.SigHashes.TryGetP2wpkhHash(index, program, hashType, out var sigHash, out var error))
            return ValidationResult.Reject(RejectReasons.SignatureFailed, $"input {index}: {error}");
        signatures.Add(SignatureCheck.Ecdsa(publicKey, sigHash, signature));
        return ValidationResult.Valid;
    }
}

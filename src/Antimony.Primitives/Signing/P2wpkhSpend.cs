using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Signing;

/// <summary>
/// Signing and verifying a P2WPKH spend (BIP141, BIP143): the witness is <c>[DER signature + hash-type byte,
/// 33-byte compressed public key]</c>, an ECDSA signature over the BIP143 hash; Antimony requires strict DER and low S.
/// </summary>
public static class P2wpkhSpend
{
    /// <summary>Signs input <paramref name="inputIndex"/> with SIGHASH_ALL.</summary>
    public static bool TrySign(SigHashCache cache, int inputIndex, PrivateKey key, out Witness witness, out SpendError error) =>
        TrySign(cache, inputIndex, key, SigHashType.All, out witness, out error);

    /// <summary>
    /// Signs input <paramref name="inputIndex"/>: checks that <paramref name="key"/>'s HASH160 is the spent output's
    /// program, then signs the BIP143 hash with a deterministic (RFC6979), low-S ECDSA signature.
    /// </summary>
    /// <param name="cache">The transaction's signature-hash cache.</param>
    /// <param name="inputIndex">The input to sign.</param>
    /// <param name="key">The private key whose compressed public key the output pays to.</param>
    /// <param name="hashType">One of the six witness v0 hash types.</param>
    /// <param name="witness">The two-item witness, when the result is true.</param>
    /// <param name="error">Why the input cannot be signed, when the result is false.</param>
    /// <remarks>
    /// SIGHASH_SINGLE without a matching output is refused (<see cref="SpendError.SingleWithoutOutput"/>): BIP143
    /// would make such a signature commit to no output, so anyone could redirect the input's value.
    /// </remarks>
    public static bool TrySign(SigHashCache cache, int inputIndex, PrivateKey key, SigHashType hashType, out Witness witness, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(key);
        witness = Witness.Empty;
        if ((uint)inputIndex >= (uint)cache.Transaction.Inputs.Length)
            return Fail(SpendError.InputIndexOutOfRange, out error);
        var output = ScriptPubKey.Recognise(cache.SpentOutputs[inputIndex].ScriptPubKey);
        if (output.Type != OutputType.P2wpkh)
            return Fail(SpendError.UnsupportedOutputType, out error);
        var program = output.KeyHash;
        var publicKey = key.PublicKey;
        if (publicKey.ToHash160() != program)
            return Fail(SpendError.KeyMismatch, out error);
        if (hashType.IsDefinedForWitnessV0 && hashType.IsSingle && inputIndex >= cache.Transaction.Outputs.Length)
            return Fail(SpendError.SingleWithoutOutput, out error);
        if (!cache.TryGetP2wpkhHash(inputIndex, program, hashType, out var sigHash, out var sigHashError))
            return Fail(TaprootKeySpend.ToSpendError(sigHashError), out error);

        var signature = key.SignEcdsa(sigHash);
        var item = new byte[signature.DerLength + 1];
        int written = signature.WriteDer(item);
        item[written] = hashType.Value;
        witness = new Witness(item.AsMemory(0, written + 1), publicKey.Bytes.ToArray());
        error = SpendError.None;
        return true;
    }

    /// <summary>Verifies the witness input <paramref name="inputIndex"/> carries in the cached transaction.</summary>
    public static bool Verify(SigHashCache cache, int inputIndex, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if ((uint)inputIndex >= (uint)cache.Transaction.Inputs.Length)
            return Fail(SpendError.InputIndexOutOfRange, out error);
        return Verify(cache, inputIndex, cache.Transaction.Inputs[inputIndex].Witness, out error);
    }

    /// <summary>
    /// Verifies <paramref name="witness"/> as a P2WPKH spend of input <paramref name="inputIndex"/>'s spent output:
    /// <see cref="TryGetCheck"/>, then the ECDSA verification with <see cref="BouncyCastleSignatureVerifier"/>.
    /// </summary>
    public static bool Verify(SigHashCache cache, int inputIndex, Witness witness, out SpendError error) =>
        TryGetCheck(cache, inputIndex, witness, out var check, out error)
        && (((ISignatureVerifier)BouncyCastleSignatureVerifier.Instance).Verify(check) || Fail(SpendError.InvalidSignature, out error));

    /// <summary>
    /// Applies every P2WPKH rule except the signature equation itself, and returns the ECDSA check that remains, so a
    /// caller can verify many checks together. The rules: two items, a strict-DER low-S signature with a defined
    /// hash type, and a compressed key whose HASH160 is the output's program.
    /// </summary>
    public static bool TryGetCheck(SigHashCache cache, int inputIndex, Witness witness, out SignatureCheck check, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(cache);
        check = default;
        if ((uint)inputIndex >= (uint)cache.Transaction.Inputs.Length)
            return Fail(SpendError.InputIndexOutOfRange, out error);
        var output = ScriptPubKey.Recognise(cache.SpentOutputs[inputIndex].ScriptPubKey);
        if (output.Type != OutputType.P2wpkh)
            return Fail(SpendError.UnsupportedOutputType, out error);
        var program = output.KeyHash;
        if (witness.Count != 2)
            return Fail(SpendError.WitnessShape, out error);

        var signatureItem = witness[0];
        if (signatureItem.IsEmpty)
            return Fail(SpendError.SignatureEncoding, out error);
        var hashType = new SigHashType(signatureItem[^1]);
        if (!EcdsaSignature.TryParseDer(signatureItem[..^1], out var signature) || !signature.IsLowS)
            return Fail(SpendError.SignatureEncoding, out error);
        if (!hashType.IsDefinedForWitnessV0)
            return Fail(SpendError.UndefinedHashType, out error);

        var keyItem = witness[1];
        // Only compressed keys (BIP143's policy, a consensus rule in Antimony): 33 bytes starting 0x02 or 0x03.
        if (keyItem.Length != 33 || (keyItem[0] != 0x02 && keyItem[0] != 0x03) || !PublicKey.TryParse(keyItem, out var publicKey))
            return Fail(SpendError.PublicKeyEncoding, out error);
        if (publicKey.ToHash160() != program)
            return Fail(SpendError.PublicKeyHashMismatch, out error);
        if (!cache.TryGetP2wpkhHash(inputIndex, program, hashType, out var sigHash, out var sigHashError))
            return Fail(TaprootKeySpend.ToSpendError(sigHashError), out error);
        check = SignatureCheck.Ecdsa(publicKey, sigHash, signature);
        error = SpendError.None;
        return true;
    }

    private static bool Fail(SpendError reason, out SpendError error)
    {
        error = reason;
        return false;
    }
}

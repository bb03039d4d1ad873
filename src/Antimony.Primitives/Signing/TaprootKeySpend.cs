using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Signing;

/// <summary>
/// Signing and verifying a P2TR key-path spend (BIP341): the witness is one BIP340 signature by the tweaked
/// key over the BIP341 signature hash, 64 bytes for SIGHASH_DEFAULT or 65 with an explicit hash-type byte.
/// </summary>
/// <example>
/// <code>
/// var cache = new SigHashCache(unsignedTx, spentOutputs);
/// if (TaprootKeySpend.TrySign(cache, 0, internalKey, out var witness, out var error))
///     builder.SetWitness(0, witness);
/// </code>
/// </example>
public static class TaprootKeySpend
{
    /// <summary>The signature size with the implied SIGHASH_DEFAULT.</summary>
    public const int DefaultSignatureSize = SchnorrSignature.Size;

    /// <summary>The signature size with an explicit hash-type byte.</summary>
    public const int ExplicitSignatureSize = SchnorrSignature.Size + 1;

    /// <summary>
    /// Signs input <paramref name="inputIndex"/> with SIGHASH_DEFAULT for an output whose key is
    /// <paramref name="internalKey"/> tweaked without a script tree (BIP86-style, as Antimony v1 wallets create them).
    /// </summary>
    public static bool TrySign(SigHashCache cache, int inputIndex, PrivateKey internalKey, out Witness witness, out SpendError error) =>
        TrySign(cache, inputIndex, internalKey, null, SigHashType.Default, default, out witness, out error);

    /// <summary>
    /// Signs input <paramref name="inputIndex"/>: tweaks <paramref name="internalKey"/> by <paramref name="merkleRoot"/>
    /// (BIP341 <c>taproot_tweak_seckey</c>), checks the result is the spent output's key, and signs the BIP341 hash.
    /// </summary>
    /// <param name="cache">The transaction's signature-hash cache.</param>
    /// <param name="inputIndex">The input to sign.</param>
    /// <param name="internalKey">The internal (untweaked) private key.</param>
    /// <param name="merkleRoot">The script tree's merkle root, or null for an output without script tree.</param>
    /// <param name="hashType">One of BIP341's seven hash types; DEFAULT gives a 64-byte signature.</param>
    /// <param name="auxRandom32">BIP340 auxiliary randomness (32 bytes), or empty for fresh randomness from the CSPRNG (recommended).</param>
    /// <param name="witness">The one-item witness, when the result is true.</param>
    /// <param name="error">Why the input cannot be signed, when the result is false.</param>
    /// <exception cref="ArgumentException"><paramref name="auxRandom32"/> is neither empty nor 32 bytes.</exception>
    public static bool TrySign(SigHashCache cache, int inputIndex, PrivateKey internalKey, Hash256? merkleRoot, SigHashType hashType,
        ReadOnlySpan<byte> auxRandom32, out Witness witness, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(internalKey);
        if (!auxRandom32.IsEmpty && auxRandom32.Length != 32)
            throw new ArgumentException("BIP340 auxiliary randomness is 32 bytes.", nameof(auxRandom32));
        witness = Witness.Empty;
        if ((uint)inputIndex >= (uint)cache.Transaction.Inputs.Length)
            return Fail(SpendError.InputIndexOutOfRange, out error);
        var output = ScriptPubKey.Recognise(cache.SpentOutputs[inputIndex].ScriptPubKey);
        if (output.Type != OutputType.P2tr)
            return Fail(SpendError.UnsupportedOutputType, out error);
        if (!internalKey.TryTweakForTaproot(merkleRoot, out var tweaked))
            return Fail(SpendError.TweakOutOfRange, out error);
        if (!tweaked.XOnlyPublicKey.Bytes.SequenceEqual(output.TaprootKey))
            return Fail(SpendError.KeyMismatch, out error);
        if (!cache.TryGetTaprootKeyPathHash(inputIndex, hashType, out var sigHash, out var sigHashError))
            return Fail(ToSpendError(sigHashError), out error);

        var signature = auxRandom32.IsEmpty
            ? tweaked.SignSchnorr(sigHash)
            : tweaked.SignSchnorr(Hash256.AsBytes(in sigHash), auxRandom32);
        // BIP341: the hash-type byte is omitted for DEFAULT, and must be omitted, since 0x00 is not allowed explicitly.
        var item = new byte[hashType == SigHashType.Default ? DefaultSignatureSize : ExplicitSignatureSize];
        signature.CopyTo(item);
        if (item.Length == ExplicitSignatureSize)
            item[^1] = hashType.Value;
        witness = new Witness(item);
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
    /// Verifies <paramref name="witness"/> as a key-path spend of input <paramref name="inputIndex"/>'s spent output:
    /// <see cref="TryGetCheck"/>, then the BIP340 verification with <see cref="BouncyCastleSignatureVerifier"/>.
    /// </summary>
    public static bool Verify(SigHashCache cache, int inputIndex, Witness witness, out SpendError error) =>
        TryGetCheck(cache, inputIndex, witness, out var check, out error)
        && (((ISignatureVerifier)BouncyCastleSignatureVerifier.Instance).Verify(check) || Fail(SpendError.InvalidSignature, out error));

    /// <summary>
    /// Applies every BIP341 key-path rule except the signature equation itself, and returns the BIP340 check that
    /// remains (output key, signature hash, signature), so a caller can verify many checks in a batch.
    /// The rules: an optional annex, then exactly one 64- or 65-byte signature whose hash-type byte is defined and not 0x00.
    /// </summary>
    /// <remarks>A witness with more items is a script-path spend, which Antimony v1 does not have: it fails with <see cref="SpendError.WitnessShape"/>.</remarks>
    public static bool TryGetCheck(SigHashCache cache, int inputIndex, Witness witness, out SignatureCheck check, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(cache);
        check = default;
        if ((uint)inputIndex >= (uint)cache.Transaction.Inputs.Length)
            return Fail(SpendError.InputIndexOutOfRange, out error);
        var output = ScriptPubKey.Recognise(cache.SpentOutputs[inputIndex].ScriptPubKey);
        if (output.Type != OutputType.P2tr)
            return Fail(SpendError.UnsupportedOutputType, out error);

        var annex = TaprootSigHash.AnnexOf(witness);
        int stackSize = witness.Count - (annex.IsEmpty ? 0 : 1);
        if (stackSize != 1)
            return Fail(SpendError.WitnessShape, out error);

        var item = witness[0];
        SigHashType hashType;
        if (item.Length == DefaultSignatureSize)
            hashType = SigHashType.Default;
        else if (item.Length == ExplicitSignatureSize)
        {
            hashType = new SigHashType(item[^1]);
            if (hashType == SigHashType.Default)
                return Fail(SpendError.ExplicitDefaultHashType, out error);
        }
        else
        {
            return Fail(SpendError.SignatureEncoding, out error);
        }

        if (!XOnlyPublicKey.TryParse(output.TaprootKey, out var outputKey))
            return Fail(SpendError.OutputKeyInvalid, out error);
        if (!cache.TryGetTaprootKeyPathHash(inputIndex, hashType, annex, out var sigHash, out var sigHashError))
            return Fail(ToSpendError(sigHashError), out error);
        check = SignatureCheck.Schnorr(outputKey, sigHash, SchnorrSignature.Parse(item[..DefaultSignatureSize]));
        error = SpendError.None;
        return true;
    }

    internal static SpendError ToSpendError(SigHashError error) => error switch
    {
        SigHashError.InputIndexOutOfRange => SpendError.InputIndexOutOfRange,
        SigHashError.UndefinedHashType => SpendError.UndefinedHashType,
        SigHashError.SingleWithoutOutput => SpendError.SingleWithoutOutput,
        SigHashError.InvalidAnnex => SpendError.WitnessShape,
        _ => SpendError.None,
    };

    private static bool Fail(SpendError reason, out SpendError error)
    {
        error = reason;
        return false;
    }
}

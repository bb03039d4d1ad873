using Antimony.Consensus.Validation;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// The cryptography behind the built-in output types: signature hash (BIP341, BIP143) plus Schnorr or
/// ECDSA verification. The output-type verifiers check witness shapes and call this for the signature.
/// </summary>
/// <remarks>
/// A seam so validation does not depend on a particular signature library; the SDK's implementation
/// over the Primitives' verifier and sighash code is registered by default once those are merged, and a
/// host may replace it. Implementations must be thread-safe.
/// </remarks>
public interface ISpendSignatureChecker
{
    /// <summary>
    /// BIP341 key path: whether <paramref name="signature"/> (64 bytes, or 65 with an explicit sighash type
    /// other than 0) is a valid BIP340 signature by output key <paramref name="outputKey"/> (32 bytes, x-only)
    /// over the BIP341 signature hash of <paramref name="spend"/>.
    /// </summary>
    bool VerifyTaprootKeyPath(in SpendContext spend, ReadOnlySpan<byte> outputKey, ReadOnlySpan<byte> signature);

    /// <summary>
    /// P2WPKH: whether <paramref name="signature"/> (strict DER, low S, then the sighash byte) is a valid ECDSA
    /// signature by <paramref name="publicKey"/> (33 bytes, compressed) over the BIP143 signature hash of <paramref name="spend"/>.
    /// </summary>
    bool VerifyWitnessV0KeyHash(in SpendContext spend, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signature);
}

using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;

namespace Antimony.Primitives.Signing;

/// <summary>
/// Verifies secp256k1 signatures. Callers (script verification, consensus) depend only on this, so a
/// faster backend can replace <see cref="BouncyCastleSignatureVerifier"/> without touching them.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and must agree exactly with BIP340 and with Antimony's ECDSA
/// rules (low S required): verification is consensus, and two backends that disagree split the chain.
/// </remarks>
public interface ISignatureVerifier
{
    /// <summary>BIP340 verification of <paramref name="signature"/> by <paramref name="key"/> over <paramref name="message"/>.</summary>
    bool VerifySchnorr(in XOnlyPublicKey key, ReadOnlySpan<byte> message, in SchnorrSignature signature);

    /// <summary>ECDSA verification over a 32-byte hash; a high-S signature is invalid.</summary>
    bool VerifyEcdsa(in PublicKey key, ReadOnlySpan<byte> hash32, in EcdsaSignature signature);

    /// <summary>
    /// Whether every check holds. A backend may verify the Schnorr checks together (BIP340 batch
    /// verification), which is cheaper per signature than one by one but only tells that some check failed;
    /// then it re-checks one by one to name the first failing index in <paramref name="invalidIndex"/>
    /// (-1 when all hold).
    /// </summary>
    bool VerifyBatch(ReadOnlySpan<SignatureCheck> checks, out int invalidIndex);

    /// <summary>Whether every check holds (see <see cref="VerifyBatch(ReadOnlySpan{SignatureCheck}, out int)"/>).</summary>
    bool VerifyBatch(ReadOnlySpan<SignatureCheck> checks) => VerifyBatch(checks, out _);

    /// <summary>Verifies one check of either kind; a <c>default</c> check is invalid.</summary>
    bool Verify(in SignatureCheck check)
    {
        Hash256 message = check.Message;
        return check.Kind switch
        {
            SignatureKind.Schnorr => VerifySchnorr(check.SchnorrKey, Hash256.AsBytes(in message), check.SchnorrSignature),
            SignatureKind.Ecdsa => VerifyEcdsa(check.EcdsaKey, Hash256.AsBytes(in message), check.EcdsaSignature),
            _ => false,
        };
    }
}

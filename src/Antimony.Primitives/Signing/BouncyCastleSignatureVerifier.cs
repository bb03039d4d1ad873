using Antimony.Primitives.Keys;

namespace Antimony.Primitives.Signing;

/// <summary>
/// The default <see cref="ISignatureVerifier"/>: BouncyCastle's secp256k1 (custom field arithmetic, GLV
/// endomorphism) for single checks, and real BIP340 batch verification for the Schnorr checks of a batch.
/// </summary>
/// <remarks>
/// The batch equation's multi-scalar multiplication runs on Antimony's allocation-free field and point
/// types (Pippenger's method over GLV-split terms), because BouncyCastle allocates on every field operation.
/// When a batch fails, the checks are re-verified one by one on BouncyCastle to name the first bad one.
/// </remarks>
public sealed class BouncyCastleSignatureVerifier : ISignatureVerifier
{
    /// <summary>Below this many Schnorr checks the batch equation costs more than it saves.</summary>
    internal const int MinimumBatch = 2;

    /// <summary>The shared instance (the verifier is stateless and thread-safe).</summary>
    public static BouncyCastleSignatureVerifier Instance { get; } = new();

    /// <inheritdoc />
    public bool VerifySchnorr(in XOnlyPublicKey key, ReadOnlySpan<byte> message, in SchnorrSignature signature) =>
        Bip340.Verify(key, message, signature);

    /// <inheritdoc />
    public bool VerifyEcdsa(in PublicKey key, ReadOnlySpan<byte> hash32, in EcdsaSignature signature) =>
        key.Verify(hash32, signature);

    /// <inheritdoc />
    public bool VerifyBatch(ReadOnlySpan<SignatureCheck> checks, out int invalidIndex)
    {
        ISignatureVerifier self = this;
        int schnorrCount = 0;
        for (int i = 0; i < checks.Length; i++)
        {
            if (checks[i].Kind == SignatureKind.Schnorr)
                schnorrCount++;
            else if (!self.Verify(checks[i])) // ECDSA has no batch form (R's Y is unknown), so it is checked here in order.
                return FindFirstInvalid(checks, i, schnorrOnly: false, out invalidIndex);
        }

        bool valid = schnorrCount >= MinimumBatch
            ? SchnorrBatch.Verify(checks, schnorrCount)
            : FindFirstInvalid(checks, checks.Length - 1, schnorrOnly: true, out _);
        if (valid)
        {
            invalidIndex = -1;
            return true;
        }
        return FindFirstInvalid(checks, checks.Length - 1, schnorrOnly: true, out invalidIndex);
    }

    // One by one over checks[0..last]: the reported index is the lowest failing one, as a caller logging a bad block expects.
    private bool FindFirstInvalid(ReadOnlySpan<SignatureCheck> checks, int last, bool schnorrOnly, out int invalidIndex)
    {
        ISignatureVerifier self = this;
        for (int i = 0; i <= last && i < checks.Length; i++)
        {
            if (schnorrOnly && checks[i].Kind != SignatureKind.Schnorr)
                continue;
            if (!self.Verify(checks[i]))
            {
                invalidIndex = i;
                return false;
            }
        }
        invalidIndex = -1;
        return true;
    }
}

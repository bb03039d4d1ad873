using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;

namespace Antimony.Primitives.Signing;

/// <summary>
/// One signature a block or transaction must carry validly: the scheme, the key, the 32-byte message
/// (a BIP341 or BIP143 signature hash) and the signature. A list of these is what consensus hands to an
/// <see cref="ISignatureVerifier"/>, so the checks can be batched and spread over cores.
/// </summary>
public readonly struct SignatureCheck
{
    private SignatureCheck(SignatureKind kind, in Hash256 message, XOnlyPublicKey schnorrKey, SchnorrSignature schnorrSignature,
        PublicKey ecdsaKey, EcdsaSignature ecdsaSignature)
    {
        Kind = kind;
        Message = message;
        SchnorrKey = schnorrKey;
        SchnorrSignature = schnorrSignature;
        EcdsaKey = ecdsaKey;
        EcdsaSignature = ecdsaSignature;
    }

    /// <summary>Which scheme applies; selects which key and signature properties are set.</summary>
    public SignatureKind Kind { get; }

    /// <summary>The signed 32-byte message.</summary>
    public Hash256 Message { get; }

    /// <summary>The x-only key of a <see cref="SignatureKind.Schnorr"/> check.</summary>
    public XOnlyPublicKey SchnorrKey { get; }

    /// <summary>The signature of a <see cref="SignatureKind.Schnorr"/> check.</summary>
    public SchnorrSignature SchnorrSignature { get; }

    /// <summary>The key of an <see cref="SignatureKind.Ecdsa"/> check.</summary>
    public PublicKey EcdsaKey { get; }

    /// <summary>The signature of an <see cref="SignatureKind.Ecdsa"/> check.</summary>
    public EcdsaSignature EcdsaSignature { get; }

    /// <summary>A BIP340 check: <paramref name="signature"/> by <paramref name="key"/> over <paramref name="message"/>.</summary>
    public static SignatureCheck Schnorr(in XOnlyPublicKey key, in Hash256 message, in SchnorrSignature signature) =>
        new(SignatureKind.Schnorr, message, key, signature, default, default);

    /// <summary>An ECDSA check: <paramref name="signature"/> by <paramref name="key"/> over the hash <paramref name="message"/>.</summary>
    public static SignatureCheck Ecdsa(in PublicKey key, in Hash256 message, in EcdsaSignature signature) =>
        new(SignatureKind.Ecdsa, message, default, default, key, signature);

    /// <summary>Names the scheme and key (for logs when a check fails).</summary>
    public override string ToString() => Kind switch
    {
        SignatureKind.Schnorr => $"Schnorr check by {SchnorrKey} over {Message}",
        SignatureKind.Ecdsa => $"ECDSA check by {EcdsaKey} over {Message}",
        _ => "empty check",
    };
}

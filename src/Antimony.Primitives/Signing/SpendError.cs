namespace Antimony.Primitives.Signing;

/// <summary>
/// Why an input could not be signed, or why its witness does not authorise spending the output it spends.
/// One value per rule, so callers and tests match on codes rather than messages.
/// </summary>
public enum SpendError
{
    /// <summary>No error: the input was signed, or its witness is valid.</summary>
    None = 0,

    /// <summary>The input index is negative or not below the transaction's input count.</summary>
    InputIndexOutOfRange,

    /// <summary>The spent output is not of the type this signer or verifier handles (P2TR key path or P2WPKH).</summary>
    UnsupportedOutputType,

    /// <summary>Signing only: the private key does not control the spent output (its tweaked key or key hash differs).</summary>
    KeyMismatch,

    /// <summary>Signing only: the BIP341 tweak of the key is out of range (probability about 2⁻¹²⁸).</summary>
    TweakOutOfRange,

    /// <summary>The hash type is not defined for the output type.</summary>
    UndefinedHashType,

    /// <summary>
    /// SIGHASH_SINGLE on an input with no output at its index: invalid for Taproot (BIP341); for P2WPKH the signer
    /// refuses it, because such a signature would commit to no output at all.
    /// </summary>
    SingleWithoutOutput,

    /// <summary>A 65-byte Taproot signature whose hash-type byte is 0x00 (BIP341 forbids it so 64-byte signatures cannot be padded).</summary>
    ExplicitDefaultHashType,

    /// <summary>The witness has the wrong number of items (P2TR key path: one, plus an optional annex; P2WPKH: two).</summary>
    WitnessShape,

    /// <summary>The signature item is malformed: wrong length, not strict DER, or (ECDSA) S not low.</summary>
    SignatureEncoding,

    /// <summary>The P2WPKH public key item is not a valid 33-byte compressed secp256k1 key.</summary>
    PublicKeyEncoding,

    /// <summary>The P2WPKH public key's HASH160 differs from the output's 20-byte program.</summary>
    PublicKeyHashMismatch,

    /// <summary>The P2TR output's 32-byte program is not the X coordinate of a curve point, so nothing can spend it.</summary>
    OutputKeyInvalid,

    /// <summary>The signature does not verify against the signature hash and key.</summary>
    InvalidSignature,
}

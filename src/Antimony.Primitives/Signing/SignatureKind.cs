namespace Antimony.Primitives.Signing;

/// <summary>The signature scheme of one <see cref="SignatureCheck"/>.</summary>
public enum SignatureKind
{
    /// <summary>No check (a <c>default</c> value); never valid.</summary>
    None = 0,

    /// <summary>BIP340 Schnorr under an x-only key (P2TR key path).</summary>
    Schnorr = 1,

    /// <summary>ECDSA, strict DER and low S, under a compressed key (P2WPKH).</summary>
    Ecdsa = 2,
}

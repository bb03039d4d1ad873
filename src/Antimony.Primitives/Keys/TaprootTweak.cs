using Antimony.Primitives.Hashing;
using Org.BouncyCastle.Math;

namespace Antimony.Primitives.Keys;

/// <summary>BIP341's tweak scalar, shared by the public-key and secret-key sides.</summary>
internal static class TaprootTweak
{
    /// <summary><c>hash_TapTweak(P || merkleRoot)</c>, or <c>hash_TapTweak(P)</c> when there is no script tree.</summary>
    public static Hash256 Hash(in XOnlyPublicKey internalKey, Hash256? merkleRoot)
    {
        if (merkleRoot is { } root)
            return HashTag.TapTweak.Hash(internalKey.Bytes, Hash256.AsBytes(in root));
        return HashTag.TapTweak.Hash(internalKey.Bytes);
    }

    /// <summary>The tweak as a scalar; false when it is ≥ n, which BIP341 declares a failure.</summary>
    public static bool TryCompute(in XOnlyPublicKey internalKey, Hash256? merkleRoot, out BigInteger tweak)
    {
        Hash256 hash = Hash(internalKey, merkleRoot);
        tweak = Secp256k1.ToInteger(Hash256.AsBytes(in hash));
        return tweak.CompareTo(Secp256k1.N) < 0;
    }
}

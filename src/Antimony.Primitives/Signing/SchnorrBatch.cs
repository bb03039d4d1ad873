using System.Security.Cryptography;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

namespace Antimony.Primitives.Signing;

/// <summary>
/// BIP340 "Batch Verification": one multi-scalar multiplication checks u signatures at once,
/// <c>(s_1 + a_2 s_2 + ... + a_u s_u) G = R_1 + a_2 R_2 + ... + a_u R_u + e_1 P_1 + (a_2 e_2) P_2 + ... + (a_u e_u) P_u</c>.
/// </summary>
/// <remarks>
/// The randomizers <c>a_2..a_u</c> come from ChaCha20 keyed with SHA-256 of every key, message and
/// signature in the batch, as BIP340 suggests: deterministic (no RNG to fail or to be observed), yet unknown
/// to whoever chose the inputs until all of them are fixed. A batch with an invalid signature passes with
/// probability about 1/n.
/// </remarks>
internal static class SchnorrBatch
{
    /// <summary>Whether every Schnorr check among <paramref name="checks"/> (there are <paramref name="count"/>) holds, with high probability.</summary>
    public static bool Verify(ReadOnlySpan<SignatureCheck> checks, int count)
    {
        // The equation is rearranged to "(sum a_i s_i) G - sum a_i R_i - sum (a_i e_i) P_i = infinity"; each of the
        // 2u + 1 terms is split by the GLV endomorphism into two half-length ones.
        var terms = new MsmTerms(2 * count + 1);
        BigInteger n = Secp256k1.N, sumS = BigInteger.Zero;
        var randomizers = new Randomizers(checks);
        bool first = true;
        foreach (ref readonly SignatureCheck check in checks)
        {
            if (check.Kind != SignatureKind.Schnorr)
                continue;
            XOnlyPublicKey key = check.SchnorrKey;
            SchnorrSignature signature = check.SchnorrSignature;
            if (key.IsDefault || signature.IsDefault)
                return false;
            Hash256 message = check.Message;
            // r < p, s < n and e = hash(r || P || m) mod n, as in single verification; then R_i = lift_x(r_i).
            if (!Bip340.TryPrepare(key, Hash256.AsBytes(in message), signature, out _, out var s, out var e)
                || !Secp256k1.TryLiftX(signature.R, out var rx, out var ry))
                return false;
            BigInteger a = first ? BigInteger.One : randomizers.Next();
            first = false;
            sumS = sumS.Add(a.Multiply(s));
            terms.Add(rx, ry, n.Subtract(a));
            BigInteger ae = a.Multiply(e).Mod(n);
            terms.Add(Secp256k1.ToField(key.Point.AffineXCoord), Secp256k1.ToField(key.Point.AffineYCoord),
                ae.SignValue == 0 ? ae : n.Subtract(ae));
        }
        terms.Add(Secp256k1.ToField(Secp256k1.G.AffineXCoord), Secp256k1.ToField(Secp256k1.G.AffineYCoord), sumS.Mod(n));
        return terms.Sum().IsInfinity;
    }

    /// <summary>The CSPRNG stream of randomizers in [1, n-1] for one batch.</summary>
    private sealed class Randomizers
    {
        private readonly ChaCha7539Engine _chacha = new();
        private readonly byte[] _zero = new byte[32];
        private readonly byte[] _block = new byte[32];

        public Randomizers(ReadOnlySpan<SignatureCheck> checks)
        {
            // seed = SHA256(pk_1..pk_u || m_1..m_u || sig_1..sig_u), BIP340's seed_hash.
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (ref readonly SignatureCheck check in checks)
                if (check.Kind == SignatureKind.Schnorr)
                    sha.AppendData(check.SchnorrKey.Bytes);
            foreach (ref readonly SignatureCheck check in checks)
            {
                if (check.Kind != SignatureKind.Schnorr)
                    continue;
                Hash256 message = check.Message;
                sha.AppendData(Hash256.AsBytes(in message));
            }
            foreach (ref readonly SignatureCheck check in checks)
                if (check.Kind == SignatureKind.Schnorr)
                    sha.AppendData(check.SchnorrSignature.Bytes);
            _chacha.Init(true, new ParametersWithIV(new KeyParameter(sha.GetHashAndReset()), new byte[12]));
        }

        /// <summary>The next 256-bit integer of the stream that lies in [1, n-1] (others are skipped, per BIP340).</summary>
        public BigInteger Next()
        {
            while (true)
            {
                _chacha.ProcessBytes(_zero, 0, 32, _block, 0);
                var value = new BigInteger(1, _block);
                if (Secp256k1.IsValidScalar(value))
                    return value;
            }
        }
    }
}

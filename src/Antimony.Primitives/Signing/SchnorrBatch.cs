using System.Security.Cryptography;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

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
        // Points: G, then R_1..R_u, then P_1..P_u; the equation is rearranged to "sum = infinity".
        var points = new ECPoint[1 + 2 * count];
        var scalars = new BigInteger[1 + 2 * count];
        BigInteger n = Secp256k1.N, sumS = BigInteger.Zero;
        var randomizers = new Randomizers(checks);
        int j = 0;
        foreach (ref readonly SignatureCheck check in checks)
        {
            if (check.Kind != SignatureKind.Schnorr)
                continue;
            XOnlyPublicKey key = check.SchnorrKey;
            SchnorrSignature signature = check.SchnorrSignature;
            if (key.IsDefault || signature.IsDefault)
                return false;
            Hash256 message = check.Message;
            if (!Bip340.TryPrepare(key, Hash256.AsBytes(in message), signature, out var r, out var s, out var e))
                return false;
            if (!Secp256k1.TryLiftX(r, out var bigR))
                return false;
            BigInteger a = j == 0 ? BigInteger.One : randomizers.Next();
            sumS = sumS.Add(a.Multiply(s));
            points[1 + j] = bigR;
            scalars[1 + j] = n.Subtract(a);
            points[1 + count + j] = key.Point;
            BigInteger ae = a.Multiply(e).Mod(n);
            scalars[1 + count + j] = ae.SignValue == 0 ? ae : n.Subtract(ae);
            j++;
        }
        points[0] = Secp256k1.G;
        scalars[0] = sumS.Mod(n);
        return MultiScalar.IsInfinity(points, scalars);
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

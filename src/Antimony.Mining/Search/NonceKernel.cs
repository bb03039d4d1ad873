using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Antimony.Primitives.Hashing;

namespace Antimony.Mining.Search;

/// <summary>
/// The SHA-256d nonce kernel for one lane implementation: hashes <c>TL.Width</c> consecutive nonces
/// per pass. Only the header's second block and the second SHA-256 are computed per nonce; the
/// first block, rounds 0-2 and round 3 up to the nonce word come from <see cref="NonceMidstate"/>.
/// </summary>
[SkipLocalsInit]
internal static class NonceKernel<TL, TV> where TL : ISha256Lanes<TV> where TV : unmanaged
{
    private const uint SmallSigma0Of640 = 0x00a00055; // σ0(640)

    private static ReadOnlySpan<uint> K => Sha256Constants.K;

    /// <summary>
    /// Scans <paramref name="groups"/> × <c>Width</c> nonces from <paramref name="first"/> (wrapping)
    /// and writes each nonce whose hash has its most significant 32 bits at most
    /// <paramref name="targetTop"/> into <paramref name="candidates"/>. Only hash word 7 of the second
    /// SHA-256 is computed, so candidates still need the full comparison.
    /// </summary>
    /// <returns>How many candidates were written (at most <c>groups × Width</c>; the span must hold that many).</returns>
    public static int Scan(NonceMidstate m, uint first, int groups, uint targetTop, Span<uint> candidates)
    {
        int found = 0;
        Sha256LaneState<TV> hash1 = default;
        for (int group = 0; group < groups; group++)
        {
            uint groupFirst = first + (uint)(group * TL.Width);
            FirstHash(m, groupFirst, ref hash1);
            // The hash as a little-endian number: its top 32 bits are output word 7 byte-swapped.
            TV top = TL.ReverseBytes(Sha256DigestKernel<TL, TV>.HashWord7(in hash1));
            uint lanes = TL.LanesAtOrBelow(top, targetTop);
            while (lanes != 0)
            {
                candidates[found++] = groupFirst + (uint)BitOperations.TrailingZeroCount(lanes);
                lanes &= lanes - 1;
            }
        }
        return found;
    }

    /// <summary>Full SHA-256d of the header for <c>Width</c> nonces from <paramref name="first"/>, as 32-byte hashes in internal order.</summary>
    public static void Hash(NonceMidstate m, uint first, Span<byte> hashes)
    {
        Sha256LaneState<TV> state = default;
        FirstHash(m, first, ref state);
        Sha256DigestKernel<TL, TV>.Hash(ref state);
        Span<uint> scratch = stackalloc uint[8 * TL.Width];
        StoreDigests(in state, scratch, hashes);
    }

    /// <summary>The first SHA-256 of the header for <c>Width</c> consecutive nonces: compresses the second block onto the midstate.</summary>
    private static void FirstHash(NonceMidstate m, uint first, ref Sha256LaneState<TV> hash1)
    {
        TV w3 = TL.ReverseBytes(TL.Ascending(first));
        // The state entering round 4, in the roles round 4 gives the eight locals.
        TV e = TL.Add(C(m.A4Part), w3), f = C(m.B4), g = C(m.C4), h = C(m.D4);
        TV a = TL.Add(C(m.E4Part), w3), b = C(m.F4), c = C(m.G4), d = C(m.H4);
        R(e, f, g, ref h, a, b, c, ref d, C(K[4] + 0x80000000u));
        R(d, e, f, ref g, h, a, b, ref c, C(K[5]));
        R(c, d, e, ref f, g, h, a, ref b, C(K[6]));
        R(b, c, d, ref e, f, g, h, ref a, C(K[7]));
        R(a, b, c, ref d, e, f, g, ref h, C(K[8]));
        R(h, a, b, ref c, d, e, f, ref g, C(K[9]));
        R(g, h, a, ref b, c, d, e, ref f, C(K[10]));
        R(f, g, h, ref a, b, c, d, ref e, C(K[11]));
        R(e, f, g, ref h, a, b, c, ref d, C(K[12]));
        R(d, e, f, ref g, h, a, b, ref c, C(K[13]));
        R(c, d, e, ref f, g, h, a, ref b, C(K[14]));
        R(b, c, d, ref e, f, g, h, ref a, C(K[15] + 640u));
        R(a, b, c, ref d, e, f, g, ref h, C(m.KW16));
        R(h, a, b, ref c, d, e, f, ref g, C(m.KW17));
        TV x18 = TL.Add(TL.SmallSigma0(w3), C(m.W18Part));
        R(g, h, a, ref b, c, d, e, ref f, KW(18, x18));
        TV x19 = TL.Add(w3, C(m.W19Part));
        R(f, g, h, ref a, b, c, d, ref e, KW(19, x19));
        TV x20 = TL.Add(TL.SmallSigma1(x18), C(0x80000000u));
        R(e, f, g, ref h, a, b, c, ref d, KW(20, x20));
        TV x21 = TL.SmallSigma1(x19);
        R(d, e, f, ref g, h, a, b, ref c, KW(21, x21));
        TV x22 = TL.Add(TL.SmallSigma1(x20), C(640u));
        R(c, d, e, ref f, g, h, a, ref b, KW(22, x22));
        TV x23 = TL.Add(TL.SmallSigma1(x21), C(m.W16));
        R(b, c, d, ref e, f, g, h, ref a, KW(23, x23));
        TV x24 = TL.Add(TL.SmallSigma1(x22), C(m.W17));
        R(a, b, c, ref d, e, f, g, ref h, KW(24, x24));
        TV x25 = TL.Add(TL.SmallSigma1(x23), x18);
        R(h, a, b, ref c, d, e, f, ref g, KW(25, x25));
        TV x26 = TL.Add(TL.SmallSigma1(x24), x19);
        R(g, h, a, ref b, c, d, e, ref f, KW(26, x26));
        TV x27 = TL.Add(TL.SmallSigma1(x25), x20);
        R(f, g, h, ref a, b, c, d, ref e, KW(27, x27));
        TV x28 = TL.Add(TL.SmallSigma1(x26), x21);
        R(e, f, g, ref h, a, b, c, ref d, KW(28, x28));
        TV x29 = TL.Add(TL.SmallSigma1(x27), x22);
        R(d, e, f, ref g, h, a, b, ref c, KW(29, x29));
        TV x30 = TL.Add(TL.Add(TL.SmallSigma1(x28), x23), C(SmallSigma0Of640));
        R(c, d, e, ref f, g, h, a, ref b, KW(30, x30));
        TV x31 = TL.Add(TL.Add(TL.SmallSigma1(x29), x24), C(m.W31Part));
        R(b, c, d, ref e, f, g, h, ref a, KW(31, x31));
        TV x32 = TL.Add(TL.Add(TL.SmallSigma1(x30), x25), C(m.W32Part));
        R(a, b, c, ref d, e, f, g, ref h, KW(32, x32));
        TV x33 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x31), x26), TL.SmallSigma0(x18)), C(m.W17));
        R(h, a, b, ref c, d, e, f, ref g, KW(33, x33));
        TV x34 = X(x32, x27, x19, x18);
        R(g, h, a, ref b, c, d, e, ref f, KW(34, x34));
        TV x35 = X(x33, x28, x20, x19);
        R(f, g, h, ref a, b, c, d, ref e, KW(35, x35));
        TV x36 = X(x34, x29, x21, x20);
        R(e, f, g, ref h, a, b, c, ref d, KW(36, x36));
        TV x37 = X(x35, x30, x22, x21);
        R(d, e, f, ref g, h, a, b, ref c, KW(37, x37));
        TV x38 = X(x36, x31, x23, x22);
        R(c, d, e, ref f, g, h, a, ref b, KW(38, x38));
        TV x39 = X(x37, x32, x24, x23);
        R(b, c, d, ref e, f, g, h, ref a, KW(39, x39));
        TV x40 = X(x38, x33, x25, x24);
        R(a, b, c, ref d, e, f, g, ref h, KW(40, x40));
        TV x41 = X(x39, x34, x26, x25);
        R(h, a, b, ref c, d, e, f, ref g, KW(41, x41));
        TV x42 = X(x40, x35, x27, x26);
        R(g, h, a, ref b, c, d, e, ref f, KW(42, x42));
        TV x43 = X(x41, x36, x28, x27);
        R(f, g, h, ref a, b, c, d, ref e, KW(43, x43));
        TV x44 = X(x42, x37, x29, x28);
        R(e, f, g, ref h, a, b, c, ref d, KW(44, x44));
        TV x45 = X(x43, x38, x30, x29);
        R(d, e, f, ref g, h, a, b, ref c, KW(45, x45));
        TV x46 = X(x44, x39, x31, x30);
        R(c, d, e, ref f, g, h, a, ref b, KW(46, x46));
        TV x47 = X(x45, x40, x32, x31);
        R(b, c, d, ref e, f, g, h, ref a, KW(47, x47));
        TV x48 = X(x46, x41, x33, x32);
        R(a, b, c, ref d, e, f, g, ref h, KW(48, x48));
        TV x49 = X(x47, x42, x34, x33);
        R(h, a, b, ref c, d, e, f, ref g, KW(49, x49));
        TV x50 = X(x48, x43, x35, x34);
        R(g, h, a, ref b, c, d, e, ref f, KW(50, x50));
        TV x51 = X(x49, x44, x36, x35);
        R(f, g, h, ref a, b, c, d, ref e, KW(51, x51));
        TV x52 = X(x50, x45, x37, x36);
        R(e, f, g, ref h, a, b, c, ref d, KW(52, x52));
        TV x53 = X(x51, x46, x38, x37);
        R(d, e, f, ref g, h, a, b, ref c, KW(53, x53));
        TV x54 = X(x52, x47, x39, x38);
        R(c, d, e, ref f, g, h, a, ref b, KW(54, x54));
        TV x55 = X(x53, x48, x40, x39);
        R(b, c, d, ref e, f, g, h, ref a, KW(55, x55));
        TV x56 = X(x54, x49, x41, x40);
        R(a, b, c, ref d, e, f, g, ref h, KW(56, x56));
        TV x57 = X(x55, x50, x42, x41);
        R(h, a, b, ref c, d, e, f, ref g, KW(57, x57));
        TV x58 = X(x56, x51, x43, x42);
        R(g, h, a, ref b, c, d, e, ref f, KW(58, x58));
        TV x59 = X(x57, x52, x44, x43);
        R(f, g, h, ref a, b, c, d, ref e, KW(59, x59));
        TV x60 = X(x58, x53, x45, x44);
        R(e, f, g, ref h, a, b, c, ref d, KW(60, x60));
        TV x61 = X(x59, x54, x46, x45);
        R(d, e, f, ref g, h, a, b, ref c, KW(61, x61));
        TV x62 = X(x60, x55, x47, x46);
        R(c, d, e, ref f, g, h, a, ref b, KW(62, x62));
        TV x63 = X(x61, x56, x48, x47);
        R(b, c, d, ref e, f, g, h, ref a, KW(63, x63));
        hash1.H0 = TL.Add(a, C(m.M0));
        hash1.H1 = TL.Add(b, C(m.M1));
        hash1.H2 = TL.Add(c, C(m.M2));
        hash1.H3 = TL.Add(d, C(m.M3));
        hash1.H4 = TL.Add(e, C(m.M4));
        hash1.H5 = TL.Add(f, C(m.M5));
        hash1.H6 = TL.Add(g, C(m.M6));
        hash1.H7 = TL.Add(h, C(m.M7));
    }

    private static void StoreDigests(in Sha256LaneState<TV> state, Span<uint> scratch, Span<byte> digests)
    {
        int width = TL.Width;
        ReadOnlySpan<TV> words = MemoryMarshal.CreateReadOnlySpan(in state.H0, 8);
        for (int i = 0; i < 8; i++)
            TL.Store(words[i], scratch[(i * width)..]);
        for (int lane = 0; lane < width; lane++)
        {
            for (int i = 0; i < 8; i++)
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(digests[(lane * 32 + 4 * i)..], scratch[i * width + lane]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV C(uint value) => TL.Broadcast(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV KW(int round, TV w) => TL.Add(TL.Broadcast(K[round]), w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV X(TV w2, TV w7, TV w15, TV w16) => Sha256Rounds.Expand<TL, TV>(w2, w7, w15, w16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void R(TV a, TV b, TV c, ref TV d, TV e, TV f, TV g, ref TV h, TV kw) =>
        Sha256Rounds.Round<TL, TV>(a, b, c, ref d, e, f, g, ref h, kw);
}

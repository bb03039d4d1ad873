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

    /// <summary>
    /// Scans <paramref name="groups"/> × <c>Width</c> nonces from <paramref name="first"/> (wrapping)
    /// and writes each nonce whose hash has its most significant 32 bits at most
    /// <paramref name="targetTop"/> into <paramref name="candidates"/>. Only hash word 7 of the second
    /// SHA-256 is computed, so candidates still need the full comparison.
    /// </summary>
    /// <returns>How many candidates were written (at most <c>groups × Width</c>; the span must hold that many).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hash(NonceMidstate m, uint first, Span<byte> hashes)
    {
        Sha256LaneState<TV> state = default;
        FirstHash(m, first, ref state);
        Sha256DigestKernel<TL, TV>.Hash(ref state);
        Span<uint> scratch = stackalloc uint[8 * TL.Width];
        StoreDigests(in state, scratch, hashes);
    }

    /// <summary>The first SHA-256 of the header for <c>Width</c> consecutive nonces: compresses the second block onto the midstate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FirstHash(NonceMidstate m, uint first, ref Sha256LaneState<TV> hash1)
    {
        TV w3 = TL.ReverseBytes(TL.Ascending(first));
        // The state entering round 4, in the roles round 4 gives the eight locals.
        TV e = TL.Add(TL.Broadcast(m.A4Part), w3), f = TL.Broadcast(m.B4), g = TL.Broadcast(m.C4), h = TL.Broadcast(m.D4);
        TV a = TL.Add(TL.Broadcast(m.E4Part), w3), b = TL.Broadcast(m.F4), c = TL.Broadcast(m.G4), d = TL.Broadcast(m.H4);
        TL.RoundK(e, f, g, ref h, a, b, c, ref d, 0xb956c25b);
        TL.RoundK(d, e, f, ref g, h, a, b, ref c, 0x59f111f1);
        TL.RoundK(c, d, e, ref f, g, h, a, ref b, 0x923f82a4);
        TL.RoundK(b, c, d, ref e, f, g, h, ref a, 0xab1c5ed5);
        TL.RoundK(a, b, c, ref d, e, f, g, ref h, 0xd807aa98);
        TL.RoundK(h, a, b, ref c, d, e, f, ref g, 0x12835b01);
        TL.RoundK(g, h, a, ref b, c, d, e, ref f, 0x243185be);
        TL.RoundK(f, g, h, ref a, b, c, d, ref e, 0x550c7dc3);
        TL.RoundK(e, f, g, ref h, a, b, c, ref d, 0x72be5d74);
        TL.RoundK(d, e, f, ref g, h, a, b, ref c, 0x80deb1fe);
        TL.RoundK(c, d, e, ref f, g, h, a, ref b, 0x9bdc06a7);
        TL.RoundK(b, c, d, ref e, f, g, h, ref a, 0xc19bf3f4);
        TL.RoundK(a, b, c, ref d, e, f, g, ref h, m.KW16);
        TL.RoundK(h, a, b, ref c, d, e, f, ref g, m.KW17);
        TV x18 = TL.Add(TL.SmallSigma0(w3), TL.Broadcast(m.W18Part));
        TL.Round(g, h, a, ref b, c, d, e, ref f, x18, 0x0fc19dc6);
        TV x19 = TL.Add(w3, TL.Broadcast(m.W19Part));
        TL.Round(f, g, h, ref a, b, c, d, ref e, x19, 0x240ca1cc);
        TV x20 = TL.Add(TL.SmallSigma1(x18), TL.Broadcast(0x80000000u));
        TL.Round(e, f, g, ref h, a, b, c, ref d, x20, 0x2de92c6f);
        TV x21 = TL.SmallSigma1(x19);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x21, 0x4a7484aa);
        TV x22 = TL.Add(TL.SmallSigma1(x20), TL.Broadcast(640u));
        TL.Round(c, d, e, ref f, g, h, a, ref b, x22, 0x5cb0a9dc);
        TV x23 = TL.Add(TL.SmallSigma1(x21), TL.Broadcast(m.W16));
        TL.Round(b, c, d, ref e, f, g, h, ref a, x23, 0x76f988da);
        TV x24 = TL.Add(TL.SmallSigma1(x22), TL.Broadcast(m.W17));
        TL.Round(a, b, c, ref d, e, f, g, ref h, x24, 0x983e5152);
        TV x25 = TL.Add(TL.SmallSigma1(x23), x18);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x25, 0xa831c66d);
        TV x26 = TL.Add(TL.SmallSigma1(x24), x19);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x26, 0xb00327c8);
        TV x27 = TL.Add(TL.SmallSigma1(x25), x20);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x27, 0xbf597fc7);
        TV x28 = TL.Add(TL.SmallSigma1(x26), x21);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x28, 0xc6e00bf3);
        TV x29 = TL.Add(TL.SmallSigma1(x27), x22);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x29, 0xd5a79147);
        TV x30 = TL.Add(TL.Add(TL.SmallSigma1(x28), x23), TL.Broadcast(SmallSigma0Of640));
        TL.Round(c, d, e, ref f, g, h, a, ref b, x30, 0x06ca6351);
        TV x31 = TL.Add(TL.Add(TL.SmallSigma1(x29), x24), TL.Broadcast(m.W31Part));
        TL.Round(b, c, d, ref e, f, g, h, ref a, x31, 0x14292967);
        TV x32 = TL.Add(TL.Add(TL.SmallSigma1(x30), x25), TL.Broadcast(m.W32Part));
        TL.Round(a, b, c, ref d, e, f, g, ref h, x32, 0x27b70a85);
        TV x33 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x31), x26), TL.SmallSigma0(x18)), TL.Broadcast(m.W17));
        TL.Round(h, a, b, ref c, d, e, f, ref g, x33, 0x2e1b2138);
        TV x34 = TL.Expand(x32, x27, x19, x18);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x34, 0x4d2c6dfc);
        TV x35 = TL.Expand(x33, x28, x20, x19);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x35, 0x53380d13);
        TV x36 = TL.Expand(x34, x29, x21, x20);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x36, 0x650a7354);
        TV x37 = TL.Expand(x35, x30, x22, x21);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x37, 0x766a0abb);
        TV x38 = TL.Expand(x36, x31, x23, x22);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x38, 0x81c2c92e);
        TV x39 = TL.Expand(x37, x32, x24, x23);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x39, 0x92722c85);
        TV x40 = TL.Expand(x38, x33, x25, x24);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x40, 0xa2bfe8a1);
        TV x41 = TL.Expand(x39, x34, x26, x25);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x41, 0xa81a664b);
        TV x42 = TL.Expand(x40, x35, x27, x26);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x42, 0xc24b8b70);
        TV x43 = TL.Expand(x41, x36, x28, x27);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x43, 0xc76c51a3);
        TV x44 = TL.Expand(x42, x37, x29, x28);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x44, 0xd192e819);
        TV x45 = TL.Expand(x43, x38, x30, x29);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x45, 0xd6990624);
        TV x46 = TL.Expand(x44, x39, x31, x30);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x46, 0xf40e3585);
        TV x47 = TL.Expand(x45, x40, x32, x31);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x47, 0x106aa070);
        TV x48 = TL.Expand(x46, x41, x33, x32);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x48, 0x19a4c116);
        TV x49 = TL.Expand(x47, x42, x34, x33);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x49, 0x1e376c08);
        TV x50 = TL.Expand(x48, x43, x35, x34);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x50, 0x2748774c);
        TV x51 = TL.Expand(x49, x44, x36, x35);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x51, 0x34b0bcb5);
        TV x52 = TL.Expand(x50, x45, x37, x36);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x52, 0x391c0cb3);
        TV x53 = TL.Expand(x51, x46, x38, x37);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x53, 0x4ed8aa4a);
        TV x54 = TL.Expand(x52, x47, x39, x38);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x54, 0x5b9cca4f);
        TV x55 = TL.Expand(x53, x48, x40, x39);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x55, 0x682e6ff3);
        TV x56 = TL.Expand(x54, x49, x41, x40);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x56, 0x748f82ee);
        TV x57 = TL.Expand(x55, x50, x42, x41);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x57, 0x78a5636f);
        TV x58 = TL.Expand(x56, x51, x43, x42);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x58, 0x84c87814);
        TV x59 = TL.Expand(x57, x52, x44, x43);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x59, 0x8cc70208);
        TV x60 = TL.Expand(x58, x53, x45, x44);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x60, 0x90befffa);
        TV x61 = TL.Expand(x59, x54, x46, x45);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x61, 0xa4506ceb);
        TV x62 = TL.Expand(x60, x55, x47, x46);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x62, 0xbef9a3f7);
        TV x63 = TL.Expand(x61, x56, x48, x47);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x63, 0xc67178f2);
        hash1.H0 = TL.Add(a, TL.Broadcast(m.M0));
        hash1.H1 = TL.Add(b, TL.Broadcast(m.M1));
        hash1.H2 = TL.Add(c, TL.Broadcast(m.M2));
        hash1.H3 = TL.Add(d, TL.Broadcast(m.M3));
        hash1.H4 = TL.Add(e, TL.Broadcast(m.M4));
        hash1.H5 = TL.Add(f, TL.Broadcast(m.M5));
        hash1.H6 = TL.Add(g, TL.Broadcast(m.M6));
        hash1.H7 = TL.Add(h, TL.Broadcast(m.M7));
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
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// The SHA-256 compression function for many lanes at once: each lane is a separate message whose
/// 64-byte block is given word-major (word <c>i</c> of every lane in one register).
/// </summary>
/// <typeparam name="TL">The lane implementation.</typeparam>
/// <typeparam name="TV">Its register type.</typeparam>
[SkipLocalsInit]
public static class Sha256BlockKernel<TL, TV> where TL : ISha256Lanes<TV> where TV : unmanaged
{
    /// <summary>Compresses one block per lane into <paramref name="state"/> (the 64 rounds plus the feed-forward addition).</summary>
    /// <param name="state">The chaining state of every lane, updated in place.</param>
    /// <param name="block">Sixteen registers: big-endian message word <c>i</c> of every lane in element <c>i</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="block"/> has fewer than 16 words.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compress(ref Sha256LaneState<TV> state, ReadOnlySpan<TV> block)
    {
        if (block.Length < 16)
            throw new ArgumentException("A block is 16 words.", nameof(block));
        TV a = state.H0, b = state.H1, c = state.H2, d = state.H3, e = state.H4, f = state.H5, g = state.H6, h = state.H7;
        TV w0 = block[0], w1 = block[1], w2 = block[2], w3 = block[3], w4 = block[4], w5 = block[5], w6 = block[6], w7 = block[7];
        TV w8 = block[8], w9 = block[9], w10 = block[10], w11 = block[11], w12 = block[12], w13 = block[13], w14 = block[14], w15 = block[15];
        TL.Round(a, b, c, ref d, e, f, g, ref h, w0, 0x428a2f98);
        TL.Round(h, a, b, ref c, d, e, f, ref g, w1, 0x71374491);
        TL.Round(g, h, a, ref b, c, d, e, ref f, w2, 0xb5c0fbcf);
        TL.Round(f, g, h, ref a, b, c, d, ref e, w3, 0xe9b5dba5);
        TL.Round(e, f, g, ref h, a, b, c, ref d, w4, 0x3956c25b);
        TL.Round(d, e, f, ref g, h, a, b, ref c, w5, 0x59f111f1);
        TL.Round(c, d, e, ref f, g, h, a, ref b, w6, 0x923f82a4);
        TL.Round(b, c, d, ref e, f, g, h, ref a, w7, 0xab1c5ed5);
        TL.Round(a, b, c, ref d, e, f, g, ref h, w8, 0xd807aa98);
        TL.Round(h, a, b, ref c, d, e, f, ref g, w9, 0x12835b01);
        TL.Round(g, h, a, ref b, c, d, e, ref f, w10, 0x243185be);
        TL.Round(f, g, h, ref a, b, c, d, ref e, w11, 0x550c7dc3);
        TL.Round(e, f, g, ref h, a, b, c, ref d, w12, 0x72be5d74);
        TL.Round(d, e, f, ref g, h, a, b, ref c, w13, 0x80deb1fe);
        TL.Round(c, d, e, ref f, g, h, a, ref b, w14, 0x9bdc06a7);
        TL.Round(b, c, d, ref e, f, g, h, ref a, w15, 0xc19bf174);
        ref uint k0 = ref MemoryMarshal.GetReference(Sha256Constants.K);
        for (int r = 16; r < 64; r += 16)
        {
            w0 = TL.Expand(w14, w9, w1, w0);
            TL.Round(a, b, c, ref d, e, f, g, ref h, w0, Unsafe.Add(ref k0, r + 0));
            w1 = TL.Expand(w15, w10, w2, w1);
            TL.Round(h, a, b, ref c, d, e, f, ref g, w1, Unsafe.Add(ref k0, r + 1));
            w2 = TL.Expand(w0, w11, w3, w2);
            TL.Round(g, h, a, ref b, c, d, e, ref f, w2, Unsafe.Add(ref k0, r + 2));
            w3 = TL.Expand(w1, w12, w4, w3);
            TL.Round(f, g, h, ref a, b, c, d, ref e, w3, Unsafe.Add(ref k0, r + 3));
            w4 = TL.Expand(w2, w13, w5, w4);
            TL.Round(e, f, g, ref h, a, b, c, ref d, w4, Unsafe.Add(ref k0, r + 4));
            w5 = TL.Expand(w3, w14, w6, w5);
            TL.Round(d, e, f, ref g, h, a, b, ref c, w5, Unsafe.Add(ref k0, r + 5));
            w6 = TL.Expand(w4, w15, w7, w6);
            TL.Round(c, d, e, ref f, g, h, a, ref b, w6, Unsafe.Add(ref k0, r + 6));
            w7 = TL.Expand(w5, w0, w8, w7);
            TL.Round(b, c, d, ref e, f, g, h, ref a, w7, Unsafe.Add(ref k0, r + 7));
            w8 = TL.Expand(w6, w1, w9, w8);
            TL.Round(a, b, c, ref d, e, f, g, ref h, w8, Unsafe.Add(ref k0, r + 8));
            w9 = TL.Expand(w7, w2, w10, w9);
            TL.Round(h, a, b, ref c, d, e, f, ref g, w9, Unsafe.Add(ref k0, r + 9));
            w10 = TL.Expand(w8, w3, w11, w10);
            TL.Round(g, h, a, ref b, c, d, e, ref f, w10, Unsafe.Add(ref k0, r + 10));
            w11 = TL.Expand(w9, w4, w12, w11);
            TL.Round(f, g, h, ref a, b, c, d, ref e, w11, Unsafe.Add(ref k0, r + 11));
            w12 = TL.Expand(w10, w5, w13, w12);
            TL.Round(e, f, g, ref h, a, b, c, ref d, w12, Unsafe.Add(ref k0, r + 12));
            w13 = TL.Expand(w11, w6, w14, w13);
            TL.Round(d, e, f, ref g, h, a, b, ref c, w13, Unsafe.Add(ref k0, r + 13));
            w14 = TL.Expand(w12, w7, w15, w14);
            TL.Round(c, d, e, ref f, g, h, a, ref b, w14, Unsafe.Add(ref k0, r + 14));
            w15 = TL.Expand(w13, w8, w0, w15);
            TL.Round(b, c, d, ref e, f, g, h, ref a, w15, Unsafe.Add(ref k0, r + 15));
        }
        AddInto(ref state, a, b, c, d, e, f, g, h);
    }

    /// <summary>
    /// Compresses a block that is the same in every lane and whose schedule was precomputed, such as
    /// a padding-only final block (<see cref="Sha256Constants.PaddingBlockSchedule"/>).
    /// </summary>
    /// <param name="state">The chaining state of every lane, updated in place.</param>
    /// <param name="schedule">The 64 values <c>K[i] + W[i]</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="schedule"/> has fewer than 64 words.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CompressScheduled(ref Sha256LaneState<TV> state, ReadOnlySpan<uint> schedule)
    {
        if (schedule.Length < 64)
            throw new ArgumentException("A schedule is 64 words.", nameof(schedule));
        ref uint kw0 = ref MemoryMarshal.GetReference(schedule);
        TV a = state.H0, b = state.H1, c = state.H2, d = state.H3, e = state.H4, f = state.H5, g = state.H6, h = state.H7;
        for (int r = 0; r < 64; r += 8)
        {
            TL.RoundK(a, b, c, ref d, e, f, g, ref h, Unsafe.Add(ref kw0, r + 0));
            TL.RoundK(h, a, b, ref c, d, e, f, ref g, Unsafe.Add(ref kw0, r + 1));
            TL.RoundK(g, h, a, ref b, c, d, e, ref f, Unsafe.Add(ref kw0, r + 2));
            TL.RoundK(f, g, h, ref a, b, c, d, ref e, Unsafe.Add(ref kw0, r + 3));
            TL.RoundK(e, f, g, ref h, a, b, c, ref d, Unsafe.Add(ref kw0, r + 4));
            TL.RoundK(d, e, f, ref g, h, a, b, ref c, Unsafe.Add(ref kw0, r + 5));
            TL.RoundK(c, d, e, ref f, g, h, a, ref b, Unsafe.Add(ref kw0, r + 6));
            TL.RoundK(b, c, d, ref e, f, g, h, ref a, Unsafe.Add(ref kw0, r + 7));
        }
        AddInto(ref state, a, b, c, d, e, f, g, h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddInto(ref Sha256LaneState<TV> state, TV a, TV b, TV c, TV d, TV e, TV f, TV g, TV h)
    {
        state.H0 = TL.Add(state.H0, a);
        state.H1 = TL.Add(state.H1, b);
        state.H2 = TL.Add(state.H2, c);
        state.H3 = TL.Add(state.H3, d);
        state.H4 = TL.Add(state.H4, e);
        state.H5 = TL.Add(state.H5, f);
        state.H6 = TL.Add(state.H6, g);
        state.H7 = TL.Add(state.H7, h);
    }
}

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
    public static void Compress(ref Sha256LaneState<TV> state, ReadOnlySpan<TV> block)
    {
        if (block.Length < 16)
            throw new ArgumentException("A block is 16 words.", nameof(block));
        TV a = state.H0, b = state.H1, c = state.H2, d = state.H3, e = state.H4, f = state.H5, g = state.H6, h = state.H7;
        TV w0 = block[0], w1 = block[1], w2 = block[2], w3 = block[3], w4 = block[4], w5 = block[5], w6 = block[6], w7 = block[7];
        TV w8 = block[8], w9 = block[9], w10 = block[10], w11 = block[11], w12 = block[12], w13 = block[13], w14 = block[14], w15 = block[15];
        R(a, b, c, ref d, e, f, g, ref h, KW(0, w0));
        R(h, a, b, ref c, d, e, f, ref g, KW(1, w1));
        R(g, h, a, ref b, c, d, e, ref f, KW(2, w2));
        R(f, g, h, ref a, b, c, d, ref e, KW(3, w3));
        R(e, f, g, ref h, a, b, c, ref d, KW(4, w4));
        R(d, e, f, ref g, h, a, b, ref c, KW(5, w5));
        R(c, d, e, ref f, g, h, a, ref b, KW(6, w6));
        R(b, c, d, ref e, f, g, h, ref a, KW(7, w7));
        R(a, b, c, ref d, e, f, g, ref h, KW(8, w8));
        R(h, a, b, ref c, d, e, f, ref g, KW(9, w9));
        R(g, h, a, ref b, c, d, e, ref f, KW(10, w10));
        R(f, g, h, ref a, b, c, d, ref e, KW(11, w11));
        R(e, f, g, ref h, a, b, c, ref d, KW(12, w12));
        R(d, e, f, ref g, h, a, b, ref c, KW(13, w13));
        R(c, d, e, ref f, g, h, a, ref b, KW(14, w14));
        R(b, c, d, ref e, f, g, h, ref a, KW(15, w15));
        for (int r = 16; r < 64; r += 16)
        {
            w0 = X(w14, w9, w1, w0);
            R(a, b, c, ref d, e, f, g, ref h, KW(r + 0, w0));
            w1 = X(w15, w10, w2, w1);
            R(h, a, b, ref c, d, e, f, ref g, KW(r + 1, w1));
            w2 = X(w0, w11, w3, w2);
            R(g, h, a, ref b, c, d, e, ref f, KW(r + 2, w2));
            w3 = X(w1, w12, w4, w3);
            R(f, g, h, ref a, b, c, d, ref e, KW(r + 3, w3));
            w4 = X(w2, w13, w5, w4);
            R(e, f, g, ref h, a, b, c, ref d, KW(r + 4, w4));
            w5 = X(w3, w14, w6, w5);
            R(d, e, f, ref g, h, a, b, ref c, KW(r + 5, w5));
            w6 = X(w4, w15, w7, w6);
            R(c, d, e, ref f, g, h, a, ref b, KW(r + 6, w6));
            w7 = X(w5, w0, w8, w7);
            R(b, c, d, ref e, f, g, h, ref a, KW(r + 7, w7));
            w8 = X(w6, w1, w9, w8);
            R(a, b, c, ref d, e, f, g, ref h, KW(r + 8, w8));
            w9 = X(w7, w2, w10, w9);
            R(h, a, b, ref c, d, e, f, ref g, KW(r + 9, w9));
            w10 = X(w8, w3, w11, w10);
            R(g, h, a, ref b, c, d, e, ref f, KW(r + 10, w10));
            w11 = X(w9, w4, w12, w11);
            R(f, g, h, ref a, b, c, d, ref e, KW(r + 11, w11));
            w12 = X(w10, w5, w13, w12);
            R(e, f, g, ref h, a, b, c, ref d, KW(r + 12, w12));
            w13 = X(w11, w6, w14, w13);
            R(d, e, f, ref g, h, a, b, ref c, KW(r + 13, w13));
            w14 = X(w12, w7, w15, w14);
            R(c, d, e, ref f, g, h, a, ref b, KW(r + 14, w14));
            w15 = X(w13, w8, w0, w15);
            R(b, c, d, ref e, f, g, h, ref a, KW(r + 15, w15));
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
    public static void CompressScheduled(ref Sha256LaneState<TV> state, ReadOnlySpan<uint> schedule)
    {
        if (schedule.Length < 64)
            throw new ArgumentException("A schedule is 64 words.", nameof(schedule));
        ref uint kw0 = ref MemoryMarshal.GetReference(schedule);
        TV a = state.H0, b = state.H1, c = state.H2, d = state.H3, e = state.H4, f = state.H5, g = state.H6, h = state.H7;
        for (int r = 0; r < 64; r += 8)
        {
            R(a, b, c, ref d, e, f, g, ref h, C(Unsafe.Add(ref kw0, r + 0)));
            R(h, a, b, ref c, d, e, f, ref g, C(Unsafe.Add(ref kw0, r + 1)));
            R(g, h, a, ref b, c, d, e, ref f, C(Unsafe.Add(ref kw0, r + 2)));
            R(f, g, h, ref a, b, c, d, ref e, C(Unsafe.Add(ref kw0, r + 3)));
            R(e, f, g, ref h, a, b, c, ref d, C(Unsafe.Add(ref kw0, r + 4)));
            R(d, e, f, ref g, h, a, b, ref c, C(Unsafe.Add(ref kw0, r + 5)));
            R(c, d, e, ref f, g, h, a, ref b, C(Unsafe.Add(ref kw0, r + 6)));
            R(b, c, d, ref e, f, g, h, ref a, C(Unsafe.Add(ref kw0, r + 7)));
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV C(uint value) => TL.Broadcast(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV KW(int round, TV w) =>
        TL.Add(TL.Broadcast(Unsafe.Add(ref MemoryMarshal.GetReference(Sha256Constants.K), round)), w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV X(TV w2, TV w7, TV w15, TV w16) => Sha256Rounds.Expand<TL, TV>(w2, w7, w15, w16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void R(TV a, TV b, TV c, ref TV d, TV e, TV f, TV g, ref TV h, TV kw) =>
        Sha256Rounds.Round<TL, TV>(a, b, c, ref d, e, f, g, ref h, kw);
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using V = System.Runtime.Intrinsics.Vector256<uint>;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// Eight lanes on <see cref="Vector256{T}"/> with AVX2 only: each rotate is two shifts and an or,
/// Ch and Maj are three bitwise operations. The fallback for CPUs without AVX-512.
/// </summary>
/// <remarks>
/// Each round is written out in intrinsics (no helper calls) so the JIT inlines exactly one call per
/// round. Sums are ordered so the terms that do not depend on the previous round's <c>e</c> and
/// <c>a</c> are added first, shortening the dependency chain from round to round.
/// </remarks>
public readonly struct Avx2Sha256Lanes : ISha256Lanes<Vector256<uint>>
{
    /// <inheritdoc />
    public static int Width => 8;

    /// <inheritdoc />
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Broadcast(uint value) => Vector256.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Ascending(uint first) => Vector256.Create(first) + V.Indices;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Add(V a, V b) => a + b;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Round(V a, V b, V c, ref V d, V e, V f, V g, ref V h, V w, uint k)
    {
        V t1 = h + Vector256.Create(k) + w + (((f ^ g) & e) ^ g) + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7));
        d += t1;
        h = t1 + (((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10)) + ((a & b) | ((a | b) & c)));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundK(V a, V b, V c, ref V d, V e, V f, V g, ref V h, uint kw)
    {
        V t1 = h + Vector256.Create(kw) + (((f ^ g) & e) ^ g) + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7));
        d += t1;
        h = t1 + (((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10)) + ((a & b) | ((a | b) & c)));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundE(ref V d, V e, V f, V g, V h, V w, uint k) =>
        d += h + Vector256.Create(k) + w + (((f ^ g) & e) ^ g) + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Expand(V w2, V w7, V w15, V w16) =>
        w16 + w7 + ((w15 >>> 7 | w15 << 25) ^ (w15 >>> 18 | w15 << 14) ^ (w15 >>> 3)) + ((w2 >>> 17 | w2 << 15) ^ (w2 >>> 19 | w2 << 13) ^ (w2 >>> 10));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe V GatherBigEndian(byte* first, int stride) =>
        ReverseBytes(Avx2.GatherVector256((uint*)first, Vector256<int>.Indices * stride, 1));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V SmallSigma0(V x) => ((x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ (x >>> 3));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V SmallSigma1(V x) => ((x >>> 17 | x << 15) ^ (x >>> 19 | x << 13) ^ (x >>> 10));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V ReverseBytes(V x) =>
        Avx2.Shuffle(x.AsByte(), Vector256.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
                                                  3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12)).AsUInt32();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LanesAtOrBelow(V x, uint bound) =>
        Vector256.LessThanOrEqual(x, Vector256.Create(bound)).ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Load(ReadOnlySpan<uint> lanes) => Vector256.Create(lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(V x, Span<uint> lanes) => x.CopyTo(lanes);
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using V = System.Runtime.Intrinsics.Vector512<uint>;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// Sixteen lanes on <see cref="Vector512{T}"/> with AVX-512F (<c>vprord</c>, <c>vpternlogd</c>)
/// and AVX-512BW (byte shuffles). The fastest path where 512-bit vectors are accelerated.
/// </summary>
/// <remarks>
/// Each round is written out in intrinsics (no helper calls) so the JIT inlines exactly one call per
/// round. Sums are ordered so the terms that do not depend on the previous round's <c>e</c> and
/// <c>a</c> are added first, shortening the dependency chain from round to round.
/// </remarks>
public readonly struct Avx512Sha256Lanes : ISha256Lanes<Vector512<uint>>
{
    // vpternlogd truth tables, indexed by (a << 2 | b << 1 | c).
    private const byte Xor3 = 0x96;
    private const byte Select = 0xCA;
    private const byte Majority3 = 0xE8;

    /// <inheritdoc />
    public static int Width => 16;

    /// <inheritdoc />
    public static bool IsSupported => Avx512F.IsSupported && Avx512BW.IsSupported;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Broadcast(uint value) => Vector512.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Ascending(uint first) => Vector512.Create(first) + V.Indices;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Add(V a, V b) => a + b;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Round(V a, V b, V c, ref V d, V e, V f, V g, ref V h, V w, uint k)
    {
        V t1 = h + Vector512.Create(k) + w + Avx512F.TernaryLogic(e, f, g, Select) + Avx512F.TernaryLogic(Avx512F.RotateRight(e, 6), Avx512F.RotateRight(e, 11), Avx512F.RotateRight(e, 25), Xor3);
        d += t1;
        h = t1 + (Avx512F.TernaryLogic(Avx512F.RotateRight(a, 2), Avx512F.RotateRight(a, 13), Avx512F.RotateRight(a, 22), Xor3) + Avx512F.TernaryLogic(a, b, c, Majority3));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundK(V a, V b, V c, ref V d, V e, V f, V g, ref V h, uint kw)
    {
        V t1 = h + Vector512.Create(kw) + Avx512F.TernaryLogic(e, f, g, Select) + Avx512F.TernaryLogic(Avx512F.RotateRight(e, 6), Avx512F.RotateRight(e, 11), Avx512F.RotateRight(e, 25), Xor3);
        d += t1;
        h = t1 + (Avx512F.TernaryLogic(Avx512F.RotateRight(a, 2), Avx512F.RotateRight(a, 13), Avx512F.RotateRight(a, 22), Xor3) + Avx512F.TernaryLogic(a, b, c, Majority3));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundE(ref V d, V e, V f, V g, V h, V w, uint k) =>
        d += h + Vector512.Create(k) + w + Avx512F.TernaryLogic(e, f, g, Select) + Avx512F.TernaryLogic(Avx512F.RotateRight(e, 6), Avx512F.RotateRight(e, 11), Avx512F.RotateRight(e, 25), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Expand(V w2, V w7, V w15, V w16) =>
        w16 + w7 + Avx512F.TernaryLogic(Avx512F.RotateRight(w15, 7), Avx512F.RotateRight(w15, 18), (w15 >>> 3), Xor3) + Avx512F.TernaryLogic(Avx512F.RotateRight(w2, 17), Avx512F.RotateRight(w2, 19), (w2 >>> 10), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe V GatherBigEndian(byte* first, int stride) =>
        ReverseBytes(Vector512.Create(Avx2.GatherVector256((uint*)first, Vector256<int>.Indices * stride, 1),
            Avx2.GatherVector256((uint*)(first + 8 * stride), Vector256<int>.Indices * stride, 1)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V SmallSigma0(V x) => Avx512F.TernaryLogic(Avx512F.RotateRight(x, 7), Avx512F.RotateRight(x, 18), (x >>> 3), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V SmallSigma1(V x) => Avx512F.TernaryLogic(Avx512F.RotateRight(x, 17), Avx512F.RotateRight(x, 19), (x >>> 10), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V ReverseBytes(V x) =>
        Avx512BW.Shuffle(x.AsByte(), Vector512.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
            3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
            3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
            3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12)).AsUInt32();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LanesAtOrBelow(V x, uint bound) =>
        (uint)Vector512.LessThanOrEqual(x, Vector512.Create(bound)).ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Load(ReadOnlySpan<uint> lanes) => Vector512.Create(lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(V x, Span<uint> lanes) => x.CopyTo(lanes);
}

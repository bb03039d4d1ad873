using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using V = System.Runtime.Intrinsics.Vector256<uint>;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// Eight lanes on <see cref="Vector256{T}"/> using AVX-512VL: <c>vprord</c> rotates in one
/// instruction and <c>vpternlogd</c> computes each three-input function (Σ, σ, Ch, Maj) in one.
/// For CPUs that have AVX-512 but where 512-bit vectors are not preferred.
/// </summary>
/// <remarks>
/// Each round is written out in intrinsics (no helper calls) so the JIT inlines exactly one call per
/// round. Sums are ordered so the terms that do not depend on the previous round's <c>e</c> and
/// <c>a</c> are added first, shortening the dependency chain from round to round.
/// </remarks>
public readonly struct Avx512VlSha256Lanes : ISha256Lanes<Vector256<uint>>
{
    // vpternlogd truth tables, indexed by (a << 2 | b << 1 | c).
    private const byte Xor3 = 0x96;
    private const byte Select = 0xCA;
    private const byte Majority3 = 0xE8;

    /// <inheritdoc />
    public static int Width => 8;

    /// <inheritdoc />
    public static bool IsSupported => Avx512F.VL.IsSupported && Avx2.IsSupported;

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
        V t1 = h + Vector256.Create(k) + w + Avx512F.VL.TernaryLogic(e, f, g, Select) + Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(e, 6), Avx512F.VL.RotateRight(e, 11), Avx512F.VL.RotateRight(e, 25), Xor3);
        d += t1;
        h = t1 + (Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(a, 2), Avx512F.VL.RotateRight(a, 13), Avx512F.VL.RotateRight(a, 22), Xor3) + Avx512F.VL.TernaryLogic(a, b, c, Majority3));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundK(V a, V b, V c, ref V d, V e, V f, V g, ref V h, uint kw)
    {
        V t1 = h + Vector256.Create(kw) + Avx512F.VL.TernaryLogic(e, f, g, Select) + Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(e, 6), Avx512F.VL.RotateRight(e, 11), Avx512F.VL.RotateRight(e, 25), Xor3);
        d += t1;
        h = t1 + (Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(a, 2), Avx512F.VL.RotateRight(a, 13), Avx512F.VL.RotateRight(a, 22), Xor3) + Avx512F.VL.TernaryLogic(a, b, c, Majority3));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundE(ref V d, V e, V f, V g, V h, V w, uint k) =>
        d += h + Vector256.Create(k) + w + Avx512F.VL.TernaryLogic(e, f, g, Select) + Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(e, 6), Avx512F.VL.RotateRight(e, 11), Avx512F.VL.RotateRight(e, 25), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Expand(V w2, V w7, V w15, V w16) =>
        w16 + w7 + Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(w15, 7), Avx512F.VL.RotateRight(w15, 18), (w15 >>> 3), Xor3) + Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(w2, 17), Avx512F.VL.RotateRight(w2, 19), (w2 >>> 10), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe V GatherBigEndian(byte* first, int stride) =>
        ReverseBytes(Avx2.GatherVector256((uint*)first, Vector256<int>.Indices * stride, 1));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V SmallSigma0(V x) => Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 7), Avx512F.VL.RotateRight(x, 18), (x >>> 3), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V SmallSigma1(V x) => Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 17), Avx512F.VL.RotateRight(x, 19), (x >>> 10), Xor3);

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

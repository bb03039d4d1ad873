using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// Eight lanes on <see cref="Vector256{T}"/> using AVX-512VL: <c>vprord</c> rotates in one
/// instruction and <c>vpternlogd</c> computes each three-input function (Σ, σ, Ch, Maj) in one.
/// For CPUs that have AVX-512 but prefer 256-bit vectors.
/// </summary>
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
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Ascending(uint first) => Vector256.Create(first) + Vector256<uint>.Indices;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> a, Vector256<uint> b) => a + b;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma0(Vector256<uint> x) =>
        Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 2), Avx512F.VL.RotateRight(x, 13), Avx512F.VL.RotateRight(x, 22), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma1(Vector256<uint> x) =>
        Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 6), Avx512F.VL.RotateRight(x, 11), Avx512F.VL.RotateRight(x, 25), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma0(Vector256<uint> x) =>
        Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 7), Avx512F.VL.RotateRight(x, 18), Avx2.ShiftRightLogical(x, 3), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma1(Vector256<uint> x) =>
        Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 17), Avx512F.VL.RotateRight(x, 19), Avx2.ShiftRightLogical(x, 10), Xor3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) => Avx512F.VL.TernaryLogic(e, f, g, Select);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) => Avx512F.VL.TernaryLogic(a, b, c, Majority3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> ReverseBytes(Vector256<uint> x) => Avx2Sha256Lanes.ReverseBytes(x);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LanesAtOrBelow(Vector256<uint> x, uint bound) =>
        Vector256.LessThanOrEqual(x, Vector256.Create(bound)).ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(ReadOnlySpan<uint> lanes) => Vector256.Create(lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<uint> x, Span<uint> lanes) => x.CopyTo(lanes);
}

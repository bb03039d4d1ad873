using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// Eight lanes on <see cref="Vector256{T}"/> with AVX2 only: each rotate is two shifts and an or,
/// Ch and Maj are three bitwise operations. The fallback for CPUs without AVX-512.
/// </summary>
public readonly struct Avx2Sha256Lanes : ISha256Lanes<Vector256<uint>>
{
    /// <inheritdoc />
    public static int Width => 8;

    /// <inheritdoc />
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Ascending(uint first) => Vector256.Create(first) + Vector256<uint>.Indices;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> a, Vector256<uint> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] int n) => (x >>> n) | (x << (32 - n));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma0(Vector256<uint> x) => Rotr(x, 2) ^ Rotr(x, 13) ^ Rotr(x, 22);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma1(Vector256<uint> x) => Rotr(x, 6) ^ Rotr(x, 11) ^ Rotr(x, 25);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma0(Vector256<uint> x) => Rotr(x, 7) ^ Rotr(x, 18) ^ Avx2.ShiftRightLogical(x, 3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma1(Vector256<uint> x) => Rotr(x, 17) ^ Rotr(x, 19) ^ Avx2.ShiftRightLogical(x, 10);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) => ((f ^ g) & e) ^ g;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) => (a & b) | ((a | b) & c);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> ReverseBytes(Vector256<uint> x) =>
        Avx2.Shuffle(x.AsByte(), Vector256.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
                                                  3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12)).AsUInt32();

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
